using Microsoft.Extensions.Time.Testing;
using MusicDl.Caching;
using MusicDl.Configuration;

namespace MusicDl.Tests.Caching;

public sealed class CacheFactoryTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task No_cache_stores_nothing_calls_the_origin_every_time_and_still_counts()
    {
        var file = _folder.File("cache.db");
        await using var cache = CacheFactory.Create(new MusicDlSettings { NoCache = true, CacheFile = file }, _time);
        var region = cache.Region(CacheRegions.Spotify, CacheTestJson.Default.String);
        var origin = new CountingOrigin<string>(CacheLookup<string>.Found("v"));

        await region.SetAsync("k", "v");
        var looked = await region.GetAsync("k");
        await region.GetOrCreateAsync("j", origin.Ask);
        await region.GetOrCreateAsync("j", origin.Ask);

        Assert.Equal(CacheLookupKind.Miss, looked.Kind);
        Assert.Equal(2, origin.Calls);
        var stats = region.GetStatistics();
        Assert.Equal((3L, 3L, 0L, 0L), (stats.Lookups, stats.Misses, stats.Hits, stats.Entries));
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task Every_region_is_there_with_its_statistics()
    {
        await using var cache = CacheFactory.Create(new MusicDlSettings { CacheFile = _folder.File("cache.db") }, _time);

        Assert.Equal(CacheRegions.All.Order(), cache.GetStatistics().Select(s => s.Region).Order());
        Assert.All(CacheRegions.All, name => Assert.Equal(name, cache.Region(name, CacheTestJson.Default.String).Name));
    }

    [Fact]
    public async Task An_unknown_region_is_a_clear_error()
    {
        await using var cache = CacheFactory.Create(new MusicDlSettings { CachePersistent = false }, _time);

        var error = Assert.Throws<ArgumentException>(() => cache.Region("lyrics", CacheTestJson.Default.String));

        Assert.Contains("Unknown cache region 'lyrics'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Regions_take_their_sizes_and_ttls_from_the_settings()
    {
        var settings = new MusicDlSettings
        {
            CacheMaxSize = 11,
            CacheTtl = TimeSpan.FromSeconds(12),
            AudioSearchCacheMaxSize = 13,
            AudioSearchCacheTtl = TimeSpan.FromSeconds(14),
            FileExistenceCacheMaxSize = 15,
            FileExistenceCacheTtl = TimeSpan.FromSeconds(16),
            NegativeSearchCacheTtl = TimeSpan.FromSeconds(17),
        };

        var regions = CacheRegionDefaults.For(settings).ToDictionary(r => r.Name);

        Assert.Equal((11, TimeSpan.FromSeconds(12)), (regions[CacheRegions.Spotify].Capacity, regions[CacheRegions.Spotify].Ttl));
        Assert.Equal((13, TimeSpan.FromSeconds(14)), (regions[CacheRegions.AudioSearch].Capacity, regions[CacheRegions.AudioSearch].Ttl));
        Assert.Equal((15, TimeSpan.FromSeconds(16)), (regions[CacheRegions.FileExistence].Capacity, regions[CacheRegions.FileExistence].Ttl));
        Assert.All(regions.Values, r => Assert.Equal(TimeSpan.FromSeconds(17), r.NegativeTtl));
    }

    [Fact]
    public void Only_machine_independent_regions_are_shared_and_file_checks_stay_in_memory()
    {
        var regions = CacheRegionDefaults.For(new MusicDlSettings());

        Assert.Equal(
            [CacheRegions.AudioSearch, CacheRegions.Images, CacheRegions.Match, CacheRegions.Spotify],
            regions.Where(r => r.Shared).Select(r => r.Name).Order());
        Assert.Equal([CacheRegions.FileExistence], regions.Where(r => !r.Persistent).Select(r => r.Name));
    }

    [Fact]
    public void The_default_file_follows_xdg_cache_home()
    {
        var path = CachePaths.DefaultFile(name => name == "XDG_CACHE_HOME" ? "/var/cache/me" : "/home/me", windows: false);

        Assert.Equal(Path.Combine("/var/cache/me", "musicdl", "cache.db"), path);
    }

    [Fact]
    public void Without_xdg_cache_home_the_default_file_is_under_the_home_cache_folder()
    {
        var relative = CachePaths.DefaultFile(name => name switch { "XDG_CACHE_HOME" => "relative/ignored", "HOME" => "/home/me", _ => null }, windows: false);

        Assert.Equal(Path.Combine("/home/me", ".cache", "musicdl", "cache.db"), relative);
    }

    [Fact]
    public void On_windows_the_default_file_is_under_local_app_data()
    {
        var path = CachePaths.DefaultFile(name => name == "LOCALAPPDATA" ? "C:/Users/me/AppData/Local" : null, windows: true);

        Assert.Equal(Path.Combine("C:/Users/me/AppData/Local", "musicdl", "cache.db"), path);
    }
}

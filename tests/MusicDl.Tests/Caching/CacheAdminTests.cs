using Microsoft.Extensions.Time.Testing;
using MusicDl.Caching;
using MusicDl.Configuration;

namespace MusicDl.Tests.Caching;

public sealed class CacheAdminTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private string CacheFile => _folder.File("cache.db");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Stats_give_entries_per_region_bytes_on_disk_and_the_oldest_and_newest_entry()
    {
        var start = _time.GetUtcNow();
        await using (var cache = Open())
        {
            await cache.Region(CacheRegions.Spotify, CacheTestJson.Default.String).SetAsync("a", "1");
            _time.Advance(TimeSpan.FromMinutes(5));
            await cache.Region(CacheRegions.Spotify, CacheTestJson.Default.String).SetAsync("b", "2");
            await cache.Region(CacheRegions.Match, CacheTestJson.Default.String).SetNegativeAsync("c");
        }

        var stats = new CacheAdmin(CacheFile, _time).Stats();

        Assert.True(stats.Exists);
        Assert.True(stats.BytesOnDisk > 0);
        Assert.Equal(3, stats.Entries);
        Assert.Equal(start, stats.Oldest);
        Assert.Equal(start.AddMinutes(5), stats.Newest);
        Assert.Equal([(CacheRegions.Match, 1L), (CacheRegions.Spotify, 2L)], stats.Regions.Select(r => (r.Region, r.Entries)));
    }

    [Fact]
    public void Stats_of_a_missing_file_are_empty_and_create_nothing()
    {
        var stats = new CacheAdmin(CacheFile, _time).Stats();

        Assert.Equal((false, 0L, 0L, (DateTimeOffset?)null), (stats.Exists, stats.Entries, stats.BytesOnDisk, stats.Oldest));
        Assert.False(File.Exists(CacheFile));
    }

    [Fact]
    public async Task Clear_of_one_region_keeps_the_others()
    {
        await FillAsync();
        var admin = new CacheAdmin(CacheFile, _time);

        var removed = admin.Clear(CacheRegions.Spotify);

        Assert.Equal(2, removed);
        Assert.Equal([CacheRegions.Match], admin.Stats().Regions.Select(r => r.Region));
    }

    [Fact]
    public async Task Clear_without_a_region_empties_the_file()
    {
        await FillAsync();
        var admin = new CacheAdmin(CacheFile, _time);

        Assert.Equal(3, admin.Clear());
        Assert.Equal(0, admin.Stats().Entries);
    }

    [Fact]
    public void Clear_of_an_unknown_region_is_a_clear_error()
    {
        var error = Assert.Throws<ArgumentException>(() => new CacheAdmin(CacheFile, _time).Clear("lyrics"));

        Assert.Contains("Unknown cache region 'lyrics'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prune_drops_only_expired_entries_and_compacts_the_file()
    {
        await using (var cache = Open())
        {
            var region = cache.Region(CacheRegions.Spotify, CacheTestJson.Default.String);
            for (var i = 0; i < 200; i++)
            {
                await region.SetAsync($"old:{i}", new string('x', 1000), TimeSpan.FromHours(1));
            }

            await region.SetAsync("kept", "v", TimeSpan.FromDays(30));
        }

        var admin = new CacheAdmin(CacheFile, _time);
        var before = admin.Stats().BytesOnDisk;
        _time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(200, admin.Stats().Regions.Single().Expired);

        var pruned = admin.Prune();

        Assert.Equal(200, pruned);
        var after = admin.Stats();
        Assert.Equal(1, after.Entries);
        Assert.True(after.BytesOnDisk < before, $"{after.BytesOnDisk} bytes after prune, {before} before");
    }

    private async Task FillAsync()
    {
        await using var cache = Open();
        await cache.Region(CacheRegions.Spotify, CacheTestJson.Default.String).SetAsync("a", "1");
        await cache.Region(CacheRegions.Spotify, CacheTestJson.Default.String).SetAsync("b", "2");
        await cache.Region(CacheRegions.Match, CacheTestJson.Default.String).SetAsync("c", "3");
    }

    private LayeredCache Open() => CacheFactory.Create(new MusicDlSettings { CacheFile = CacheFile }, _time);
}

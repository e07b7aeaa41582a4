using System.Text.Json.Serialization.Metadata;
using Microsoft.Data.Sqlite;
using MusicDl.Caching;
using MusicDl.Configuration;
using MusicDl.Tests.TestSupport;

namespace MusicDl.Tests.Caching;

public sealed class PersistentCacheTests : IDisposable
{
    private static readonly JsonTypeInfo<CachedTrack> TrackJson = CacheTestJson.Default.CachedTrack;
    private static readonly CachedTrack Track = new("4uLU6hMCjMI75M1A2tKUQC", "Never Gonna Give You Up", 213_573);
    private readonly TempFolder _folder = new();
    // The only timer the cache arms on its clock is the SQLite store's back-off after a busy file.
    private readonly WatchedTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), due => due > TimeSpan.Zero);

    private string CacheFile => _folder.File("cache.db");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task An_entry_survives_into_a_second_instance_and_counts_as_a_persistent_hit()
    {
        await using (var first = Open())
        {
            await first.Region(CacheRegions.Spotify, TrackJson).SetAsync("track:1", Track);
        }

        await using var second = Open();
        var region = second.Region(CacheRegions.Spotify, TrackJson);
        var found = await region.GetAsync("track:1");
        var again = await region.GetAsync("track:1");

        Assert.Equal(Track, found.Value);
        Assert.True(again.IsHit);
        var stats = region.GetStatistics();
        Assert.Equal((2L, 2L, 1L, 0L), (stats.Lookups, stats.Hits, stats.PersistentHits, stats.SharedHits));
        Assert.Empty(second.Warnings.Messages);
    }

    [Fact]
    public async Task Text_beyond_ascii_reads_back_from_the_file_unchanged()
    {
        var title = new CachedTrack("2", "Björk – Jóga 東京 🎵 \"quoted\"", 1);
        await using (var first = Open())
        {
            await first.Region(CacheRegions.Spotify, TrackJson).SetAsync("track:2", title);
        }

        await using var second = Open();

        Assert.Equal(title, (await second.Region(CacheRegions.Spotify, TrackJson).GetAsync("track:2")).Value);
        Assert.Empty(second.Warnings.Messages);
    }

    [Fact]
    public async Task A_negative_entry_survives_into_a_second_instance()
    {
        await using (var first = Open())
        {
            await first.Region(CacheRegions.AudioSearch, CacheTestJson.Default.String).SetNegativeAsync("obscure song");
        }

        await using var second = Open();
        var region = second.Region(CacheRegions.AudioSearch, CacheTestJson.Default.String);

        Assert.True((await region.GetAsync("obscure song")).IsNegative);
        Assert.Equal((1L, 1L), (region.GetStatistics().NegativeHits, region.GetStatistics().PersistentHits));
    }

    [Fact]
    public async Task File_existence_answers_are_never_persisted()
    {
        await using (var first = Open())
        {
            await first.Region(CacheRegions.FileExistence, CacheTestJson.Default.String).SetAsync("/music/a.mp3", "present");
        }

        await using var second = Open();

        Assert.Equal(CacheLookupKind.Miss, (await second.Region(CacheRegions.FileExistence, CacheTestJson.Default.String).GetAsync("/music/a.mp3")).Kind);
        Assert.DoesNotContain(new CacheAdmin(CacheFile, _time).Stats().Regions, r => r.Region == CacheRegions.FileExistence);
    }

    [Fact]
    public async Task The_file_keeps_an_entry_for_its_regions_retention_beyond_the_memory_ttl()
    {
        await using (var first = Open())
        {
            await first.Region(CacheRegions.Spotify, TrackJson).SetAsync("album:1", Track);
        }

        _time.Advance(TimeSpan.FromHours(2)); // Past cache_ttl (1 h), within the 3-day retention.
        await using (var second = Open())
        {
            Assert.True((await second.Region(CacheRegions.Spotify, TrackJson).GetAsync("album:1")).IsHit);
        }

        _time.Advance(CacheRegionDefaults.SpotifyRetention);
        await using var third = Open();
        Assert.Equal(CacheLookupKind.Miss, (await third.Region(CacheRegions.Spotify, TrackJson).GetAsync("album:1")).Kind);
    }

    [Fact]
    public async Task An_entry_ttl_wins_in_the_file_too_so_a_playlist_snapshot_lives_for_weeks()
    {
        await using (var first = Open())
        {
            await first.Region(CacheRegions.Spotify, TrackJson).SetAsync("playlist:37i9:snapshot:MTY4", Track, TimeSpan.FromDays(30));
        }

        _time.Advance(TimeSpan.FromDays(20));
        await using var second = Open();

        Assert.True((await second.Region(CacheRegions.Spotify, TrackJson).GetAsync("playlist:37i9:snapshot:MTY4")).IsHit);
    }

    [Fact]
    public async Task A_promoted_entry_does_not_outlive_its_persistent_expiry_in_memory()
    {
        await using (var first = Open())
        {
            await first.Region(CacheRegions.Spotify, TrackJson).SetAsync("track:short", Track, TimeSpan.FromMinutes(5));
        }

        await using var second = Open();
        var region = second.Region(CacheRegions.Spotify, TrackJson);
        Assert.True((await region.GetAsync("track:short")).IsHit);
        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(CacheLookupKind.Miss, (await region.GetAsync("track:short")).Kind);
    }

    [Fact]
    public async Task Removing_an_entry_removes_it_from_the_file()
    {
        await using (var first = Open())
        {
            var region = first.Region(CacheRegions.Match, CacheTestJson.Default.String);
            await region.SetAsync("track:1", "dQw4w9WgXcQ");
            await region.RemoveAsync("track:1");
        }

        await using var second = Open();
        Assert.Equal(CacheLookupKind.Miss, (await second.Region(CacheRegions.Match, CacheTestJson.Default.String).GetAsync("track:1")).Kind);
    }

    [Fact]
    public async Task The_file_uses_wal_a_schema_version_and_our_application_id()
    {
        await using (var cache = Open())
        {
            await cache.Region(CacheRegions.Tags, CacheTestJson.Default.String).SetAsync("x", "y");
        }

        using var connection = new SqliteConnection($"Data Source={CacheFile};Pooling=False");
        connection.Open();
        Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
        Assert.Equal(SqliteCacheSchema.SchemaVersion, Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(SqliteCacheSchema.ApplicationId, Convert.ToInt32(Scalar(connection, "PRAGMA application_id;"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Disposing_flushes_so_the_file_alone_holds_every_entry()
    {
        await using (var cache = Open())
        {
            await cache.Region(CacheRegions.Spotify, TrackJson).SetAsync("track:1", Track);
        }

        var copy = _folder.File("copy.db");
        File.Copy(CacheFile, copy);
        await using var reopened = Open(copy);

        Assert.True((await reopened.Region(CacheRegions.Spotify, TrackJson).GetAsync("track:1")).IsHit);
    }

    [Fact]
    public async Task The_file_is_private_to_the_user_and_so_is_a_folder_we_create()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Windows has no mode bits; the per-user LOCALAPPDATA folder is private already.
        }

        var nested = Path.Combine(_folder.Path, "xdg", "musicdl", "cache.db");
        await using (var cache = Open(nested))
        {
            await cache.Region(CacheRegions.Tokens, CacheTestJson.Default.String).SetAsync("refresh", "secret");
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(nested));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(nested)!));
    }

    [Fact]
    public async Task Two_instances_writing_one_file_at_once_lose_nothing_and_never_report_a_lock()
    {
        const int perWriter = 300;
        var first = Open();
        var second = Open();
        await using (first)
        await using (second)
        {
            var writers = new[] { first, second }
                .SelectMany((cache, c) => Enumerable.Range(0, 2).Select(w => Task.Run(async () =>
                {
                    var region = cache.Region(CacheRegions.AudioSearch, CacheTestJson.Default.String);
                    for (var i = 0; i < perWriter; i++)
                    {
                        await region.SetAsync($"c{c}-w{w}-{i}", $"video {i}");
                        await region.GetAsync($"c{1 - c}-w{w}-{i}");
                    }
                })))
                .ToArray();
            await Task.WhenAll(writers);

            // Whole messages on failure (Assert.Empty cuts them): which step of the two opens met the other.
            Assert.True(first.Warnings.Messages.Count == 0, string.Join(" | ", first.Warnings.Messages));
            Assert.True(second.Warnings.Messages.Count == 0, string.Join(" | ", second.Warnings.Messages));
        }

        var stats = new CacheAdmin(CacheFile, _time).Stats();
        Assert.Equal(4 * perWriter, stats.Regions.Single(r => r.Region == CacheRegions.AudioSearch).Entries);
    }

    [Fact]
    public async Task A_write_while_another_process_holds_the_file_waits_and_succeeds_without_a_warning()
    {
        await using var cache = Open();
        var region = cache.Region(CacheRegions.Spotify, TrackJson);
        await region.SetAsync("warm", Track);
        using var other = new SqliteConnection($"Data Source={CacheFile};Pooling=False");
        other.Open();
        using var hold = other.BeginTransaction(deferred: false);
        using (var insert = other.CreateCommand())
        {
            insert.Transaction = hold;
            insert.CommandText = "INSERT INTO entries (region, key, value, negative, expires_at, updated_at) VALUES ('spotify', 'other', NULL, 1, 0, 0)";
            insert.ExecuteNonQuery();
        }

        var write = Task.Run(async () => await region.SetAsync("track:1", Track));

        // SQLite's busy timeout waits first (5 s on the real clock), then the store backs off on its own clock: once
        // that back-off is armed the write has met the other writer's lock and is parked until the clock moves.
        await _time.Waiting.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.False(write.IsCompleted, "the write should wait for the other writer");
        hold.Commit();
        _time.Advance(TimeSpan.FromSeconds(1));
        await write.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Empty(cache.Warnings.Messages);
        Assert.Equal(3, new CacheAdmin(CacheFile, _time).Stats().Entries);
    }

    [Fact]
    public async Task With_the_persistent_layer_off_no_file_is_written()
    {
        await using (var cache = CacheFactory.Create(new MusicDlSettings { CacheFile = CacheFile, CachePersistent = false }, _time))
        {
            await cache.Region(CacheRegions.Spotify, TrackJson).SetAsync("track:1", Track);
        }

        Assert.False(File.Exists(CacheFile));
    }

    [Fact]
    public async Task An_unusable_cache_path_degrades_to_memory_with_one_warning()
    {
        var blocker = _folder.File("not-a-folder");
        await File.WriteAllTextAsync(blocker, "a file where the cache folder should be");
        await using var cache = Open(Path.Combine(blocker, "cache.db"));
        var region = cache.Region(CacheRegions.Spotify, TrackJson);

        await region.SetAsync("track:1", Track);
        await region.SetAsync("track:2", Track);

        Assert.True((await region.GetAsync("track:1")).IsHit);
        var warning = Assert.Single(cache.Warnings.Messages);
        Assert.Contains("going on without the persistent cache", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_value_of_another_shape_is_dropped_with_a_warning_and_counts_as_a_miss()
    {
        await using (var first = Open())
        {
            await first.Region(CacheRegions.Spotify, CacheTestJson.Default.String).SetAsync("track:1", "not a track");
        }

        await using var second = Open();
        var found = await second.Region(CacheRegions.Spotify, TrackJson).GetAsync("track:1");

        Assert.Equal(CacheLookupKind.Miss, found.Kind);
        Assert.Single(second.Warnings.Messages);
    }

    [Fact]
    public async Task A_value_that_cannot_be_serialised_stays_in_memory_with_one_warning()
    {
        var options = new System.Text.Json.JsonSerializerOptions { TypeInfoResolver = CacheTestJson.Default };
        options.Converters.Add(new UnwritableTrackConverter());
        var unwritable = (JsonTypeInfo<CachedTrack>)options.GetTypeInfo(typeof(CachedTrack));
        await using var cache = Open();
        var region = cache.Region(CacheRegions.Spotify, unwritable);

        await region.SetAsync("track:1", Track);
        await region.SetAsync("track:2", Track);

        Assert.Equal(Track, (await region.GetAsync("track:1")).Value);
        Assert.Contains("kept in memory only", Assert.Single(cache.Warnings.Messages), StringComparison.Ordinal);
    }

    private static string? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private LayeredCache Open(string? file = null)
        => CacheFactory.Create(new MusicDlSettings { CacheFile = file ?? CacheFile }, _time);
}

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using MusicDl.Caching;
using MusicDl.Configuration;

namespace MusicDl.Tests.Caching;

public sealed class CorruptionRecoveryTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));

    private string CacheFile => _folder.File("cache.db");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_truncated_file_is_moved_aside_and_the_run_goes_on()
    {
        await FillAsync(500);
        using (var stream = new FileStream(CacheFile, FileMode.Open))
        {
            stream.SetLength(stream.Length / 2);
        }

        await AssertRecoveredAsync("is damaged");
    }

    [Fact]
    public async Task A_file_of_random_bytes_is_moved_aside_and_the_run_goes_on()
    {
        var bytes = new byte[8192];
        new Random(7).NextBytes(bytes);
        await File.WriteAllBytesAsync(CacheFile, bytes);

        await AssertRecoveredAsync("is damaged");
    }

    [Fact]
    public async Task A_file_with_a_newer_schema_is_moved_aside()
    {
        await FillAsync(3);
        Execute(CacheFile, "PRAGMA user_version = 99;");

        await AssertRecoveredAsync("newer schema (version 99");
    }

    [Fact]
    public async Task Another_programs_database_is_moved_aside_not_overwritten()
    {
        Execute(CacheFile, "CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO photos (name) VALUES ('holiday');");

        await AssertRecoveredAsync("belongs to another program");

        var aside = Assert.Single(Directory.GetFiles(_folder.Path, "cache.db.corrupt-*"), f => !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal));
        using var connection = new SqliteConnection($"Data Source={aside};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM photos";
        Assert.Equal("holiday", command.ExecuteScalar());
    }

    [Fact]
    public async Task The_warning_reaches_the_logger_once()
    {
        await File.WriteAllTextAsync(CacheFile, "not a database, just text that happens to be long enough to look like a header");
        var logger = new ListLogger();

        await using (var cache = CacheFactory.Create(new MusicDlSettings { CacheFile = CacheFile }, _time, logger))
        {
            await cache.Region(CacheRegions.Spotify, CacheTestJson.Default.String).SetAsync("a", "1");
            await cache.Region(CacheRegions.Spotify, CacheTestJson.Default.String).SetAsync("b", "2");
        }

        var (level, message) = Assert.Single(logger.Entries);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, level);
        Assert.Contains("moved aside", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_file_is_taken_as_a_fresh_cache_without_a_warning()
    {
        await File.WriteAllBytesAsync(CacheFile, []);

        await using var cache = Open();
        await cache.Region(CacheRegions.Spotify, CacheTestJson.Default.String).SetAsync("k", "v");

        Assert.Empty(cache.Warnings.Messages);
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.corrupt-*"));
    }

    private async Task AssertRecoveredAsync(string reason)
    {
        await using (var cache = Open())
        {
            var region = cache.Region(CacheRegions.Spotify, CacheTestJson.Default.String);
            Assert.Equal(CacheLookupKind.Miss, (await region.GetAsync("track:1")).Kind);
            await region.SetAsync("after", "recovery");
            await region.SetAsync("after:2", "recovery");

            var warning = Assert.Single(cache.Warnings.Messages);
            Assert.Contains(reason, warning, StringComparison.Ordinal);
            Assert.Contains("cache.db.corrupt-20260304T050607", warning, StringComparison.Ordinal);
        }

        Assert.Contains(Directory.GetFiles(_folder.Path), f => Path.GetFileName(f).StartsWith("cache.db.corrupt-20260304T050607", StringComparison.Ordinal));
        await using var reopened = Open();
        Assert.True((await reopened.Region(CacheRegions.Spotify, CacheTestJson.Default.String).GetAsync("after")).IsHit);
        Assert.Empty(reopened.Warnings.Messages);
    }

    private async Task FillAsync(int count)
    {
        await using var cache = Open();
        var region = cache.Region(CacheRegions.Spotify, CacheTestJson.Default.String);
        for (var i = 0; i < count; i++)
        {
            await region.SetAsync($"track:{i}", new string('x', 200) + i);
        }
    }

    private static void Execute(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private LayeredCache Open() => CacheFactory.Create(new MusicDlSettings { CacheFile = CacheFile }, _time);
}

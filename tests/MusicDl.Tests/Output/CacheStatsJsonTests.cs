using System.Text.Json;
using MusicDl.Caching;
using MusicDl.Output;

namespace MusicDl.Tests.Output;

public sealed class CacheStatsJsonTests
{
    [Fact]
    public void Cache_stats_name_the_file_its_size_entries_and_each_regions_age()
    {
        var oldest = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var newest = oldest.AddDays(3);
        var stats = new CacheFileStatistics("/cache/musicdl.db", true, 8192, [
            new RegionFileStatistics("spotify", 7, 1, oldest, newest),
            new RegionFileStatistics("search", 3, 0, newest, newest),
        ]);

        using var doc = JsonDocument.Parse(OutputJson.CacheStats(stats));

        var root = doc.RootElement;
        Assert.Equal(["path", "bytes_on_disk", "entries", "oldest", "newest", "regions"], root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("/cache/musicdl.db", root.GetProperty("path").GetString());
        Assert.Equal(8192, root.GetProperty("bytes_on_disk").GetInt64());
        Assert.Equal(10, root.GetProperty("entries").GetInt64());
        Assert.Equal(oldest, root.GetProperty("oldest").GetDateTimeOffset());
        Assert.Equal(newest, root.GetProperty("newest").GetDateTimeOffset());
        var spotify = root.GetProperty("regions").GetProperty("spotify");
        Assert.Equal(["entries", "oldest", "newest"], spotify.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(7, spotify.GetProperty("entries").GetInt64());
    }

    [Fact]
    public void Without_a_cache_file_the_times_are_null_and_the_regions_empty()
    {
        using var doc = JsonDocument.Parse(OutputJson.CacheStats(new CacheFileStatistics("/cache/none.db", false, 0, [])));

        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("oldest").ValueKind);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("newest").ValueKind);
        Assert.Empty(doc.RootElement.GetProperty("regions").EnumerateObject());
    }
}

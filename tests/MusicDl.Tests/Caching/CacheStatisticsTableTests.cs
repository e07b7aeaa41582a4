using MusicDl.Caching;

namespace MusicDl.Tests.Caching;

public sealed class CacheStatisticsTableTests
{
    [Fact]
    public void The_table_lists_used_regions_with_aligned_figures()
    {
        var table = CacheStatisticsTable.Format(
        [
            new RegionStatistics(CacheRegions.Spotify, 51, 3, 48, 0, 90, 0, 0, 90, 2, 1),
            new RegionStatistics(CacheRegions.AudioSearch, 45, 40, 4, 1, 5, 0, 2, 45, 0, 0),
            new RegionStatistics(CacheRegions.Images, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
        ]);

        var lines = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("region", lines[0], StringComparison.Ordinal);
        Assert.Equal(["spotify", "90", "3", "0", "48", "6%", "0", "0", "2", "1"], lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["audio_search", "45", "40", "1", "4", "89%", "0", "2", "0", "0"], lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(lines[0].Length, lines[1].Length);
    }

    [Fact]
    public void Nothing_used_gives_an_empty_table()
    {
        Assert.Equal(string.Empty, CacheStatisticsTable.Format([new RegionStatistics(CacheRegions.Tags, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)]));
    }
}

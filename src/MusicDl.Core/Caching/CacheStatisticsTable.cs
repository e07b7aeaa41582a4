using System.Globalization;
using System.Text;

namespace MusicDl.Caching;

/// <summary>The statistics table printed on stderr at the end of download, sync and match (the CLI writes it).</summary>
public static class CacheStatisticsTable
{
    private static readonly string[] Headers = ["region", "entries", "hits", "neg", "misses", "hit rate", "evict", "expired", "disk", "shared"];

    /// <summary>One header line and one line per region that saw any use, columns aligned; empty when nothing was used.</summary>
    public static string Format(IEnumerable<RegionStatistics> statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var rows = statistics
            .Where(s => s.Lookups > 0 || s.Sets > 0)
            .Select(s => new[]
            {
                s.Region,
                Number(s.Entries),
                Number(s.Hits),
                Number(s.NegativeHits),
                Number(s.Misses),
                string.Create(CultureInfo.InvariantCulture, $"{s.HitRate * 100:0}%"),
                Number(s.Evictions),
                Number(s.Expirations),
                Number(s.PersistentHits),
                Number(s.SharedHits),
            })
            .ToList();
        if (rows.Count == 0)
        {
            return string.Empty;
        }

        rows.Insert(0, Headers);
        var widths = Enumerable.Range(0, Headers.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            for (var c = 0; c < row.Length; c++)
            {
                // The region name reads best left-aligned, the figures right-aligned.
                text.Append(c == 0 ? row[c].PadRight(widths[c]) : "  " + row[c].PadLeft(widths[c]));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}

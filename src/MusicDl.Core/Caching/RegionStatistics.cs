namespace MusicDl.Caching;

/// <summary>A snapshot of one region's counters. Negative hits are counted apart from hits.</summary>
public sealed record RegionStatistics(
    string Region,
    long Lookups,
    long Hits,
    long Misses,
    long NegativeHits,
    long Sets,
    long Evictions,
    long Expirations,
    long Entries,
    long PersistentHits,
    long SharedHits)
{
    /// <summary>Hits over lookups (0 when nothing was looked up).</summary>
    public double HitRate => Lookups == 0 ? 0 : (double)Hits / Lookups;
}

namespace MusicDl.Caching;

/// <summary>A consistent snapshot of the counters <see cref="LruTtlStore"/> keeps under its lock.</summary>
internal readonly record struct MemoryStoreCounters(
    long Hits,
    long NegativeHits,
    long Misses,
    long Sets,
    long Evictions,
    long Expirations,
    long Entries);

namespace MusicDl.Caching;

/// <summary>
/// A typed handle on a named, bounded cache region (TTL + LRU in memory, then the persistent and shared layers).
/// Obtained from <see cref="ICache.Region{T}"/>, which fixes the value type and its source-generated JSON contract
/// once, so no call names a type again. A region may hand out handles of several types (the <c>spotify</c> region
/// keeps tracks, albums and artists); their keys must then differ.
/// </summary>
public interface ICacheRegion<T>
{
    string Name { get; }

    ValueTask<CacheLookup<T>> GetAsync(string key, CancellationToken cancellationToken = default);

    ValueTask SetAsync(string key, T value, TimeSpan? ttl = null, CancellationToken cancellationToken = default);

    /// <summary>Stores "known absent" for the key, with the negative TTL unless <paramref name="ttl"/> is given.</summary>
    ValueTask SetNegativeAsync(string key, TimeSpan? ttl = null, CancellationToken cancellationToken = default);

    ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns the cached answer, or runs <paramref name="factory"/> once per key however many callers
    /// arrive together (single flight). A failing factory caches nothing; one caller's cancellation
    /// does not cancel the others.
    /// </summary>
    Task<CacheLookup<T>> GetOrCreateAsync(
        string key,
        Func<CancellationToken, Task<CacheLookup<T>>> factory,
        CancellationToken cancellationToken = default);

    /// <summary>The statistics of the whole region (every handle on it counts there).</summary>
    RegionStatistics GetStatistics();
}

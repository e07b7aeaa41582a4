using System.Text.Json.Serialization.Metadata;

namespace MusicDl.Caching;

/// <summary>
/// A named, bounded cache region (TTL + LRU in memory, then the persistent and shared layers).
/// Values are serialised with source-generated <see cref="JsonTypeInfo{T}"/> for the persistent layers,
/// so one region may hold values of several types under distinct keys.
/// </summary>
public interface ICacheRegion
{
    string Name { get; }

    ValueTask<CacheLookup<T>> GetAsync<T>(string key, JsonTypeInfo<T> type, CancellationToken cancellationToken = default);

    ValueTask SetAsync<T>(string key, T value, JsonTypeInfo<T> type, TimeSpan? ttl = null, CancellationToken cancellationToken = default);

    /// <summary>Stores "known absent" for the key, with the negative TTL unless <paramref name="ttl"/> is given.</summary>
    ValueTask SetNegativeAsync(string key, TimeSpan? ttl = null, CancellationToken cancellationToken = default);

    ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns the cached answer, or runs <paramref name="factory"/> once per key however many callers
    /// arrive together (single flight). A failing factory caches nothing; one caller's cancellation
    /// does not cancel the others.
    /// </summary>
    Task<CacheLookup<T>> GetOrCreateAsync<T>(
        string key,
        JsonTypeInfo<T> type,
        Func<CancellationToken, Task<CacheLookup<T>>> factory,
        CancellationToken cancellationToken = default);

    RegionStatistics GetStatistics();
}

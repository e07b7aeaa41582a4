using System.Text.Json.Serialization.Metadata;

namespace MusicDl.Caching;

/// <summary>
/// A typed handle on a <see cref="CacheRegion"/>: the value type and its JSON contract are fixed here, so a
/// lookup is an ordinary interface call (no generic virtual method) into the region's non-virtual code.
/// </summary>
internal sealed class CacheRegionHandle<T>(CacheRegion region, JsonTypeInfo<T> type) : ICacheRegion<T>
{
    public string Name => region.Name;

    public ValueTask<CacheLookup<T>> GetAsync(string key, CancellationToken cancellationToken = default) =>
        region.GetAsync(key, type, cancellationToken);

    public ValueTask SetAsync(string key, T value, TimeSpan? ttl = null, CancellationToken cancellationToken = default) =>
        region.SetAsync(key, value, type, ttl, cancellationToken);

    public ValueTask SetNegativeAsync(string key, TimeSpan? ttl = null, CancellationToken cancellationToken = default) =>
        region.SetNegativeAsync(key, ttl, cancellationToken);

    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default) =>
        region.RemoveAsync(key, cancellationToken);

    public Task<CacheLookup<T>> GetOrCreateAsync(
        string key,
        Func<CancellationToken, Task<CacheLookup<T>>> factory,
        CancellationToken cancellationToken = default) =>
        region.GetOrCreateAsync(key, type, factory, cancellationToken);

    public RegionStatistics GetStatistics() => region.GetStatistics();
}

namespace MusicDl.Caching;

/// <summary>A typed handle on a <see cref="PassThroughCacheRegion"/>: counts, stores nothing.</summary>
internal sealed class PassThroughRegionHandle<T>(PassThroughCacheRegion region) : ICacheRegion<T>
{
    public string Name => region.Name;

    public ValueTask<CacheLookup<T>> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        region.CountMiss();
        return new(CacheLookup<T>.Miss);
    }

    public ValueTask SetAsync(string key, T value, TimeSpan? ttl = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        region.CountSet();
        return ValueTask.CompletedTask;
    }

    public ValueTask SetNegativeAsync(string key, TimeSpan? ttl = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        region.CountSet();
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public Task<CacheLookup<T>> GetOrCreateAsync(
        string key,
        Func<CancellationToken, Task<CacheLookup<T>>> factory,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentException.ThrowIfNullOrEmpty(key);
        region.CountMiss();
        return factory(cancellationToken);
    }

    public RegionStatistics GetStatistics() => region.GetStatistics();
}

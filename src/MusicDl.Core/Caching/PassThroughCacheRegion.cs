using System.Text.Json.Serialization.Metadata;

namespace MusicDl.Caching;

/// <summary>
/// A region with every layer off (<c>--no-cache</c>): nothing is stored, every lookup is a counted miss
/// and every factory call reaches the origin, so a run can be compared with a cached one.
/// </summary>
internal sealed class PassThroughCacheRegion(string name) : ICacheRegion
{
    private long _misses;
    private long _sets;

    public string Name { get; } = name;

    public ValueTask<CacheLookup<T>> GetAsync<T>(string key, JsonTypeInfo<T> type, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        Interlocked.Increment(ref _misses);
        return new(CacheLookup<T>.Miss);
    }

    public ValueTask SetAsync<T>(string key, T value, JsonTypeInfo<T> type, TimeSpan? ttl = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        Interlocked.Increment(ref _sets);
        return ValueTask.CompletedTask;
    }

    public ValueTask SetNegativeAsync(string key, TimeSpan? ttl = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        Interlocked.Increment(ref _sets);
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public Task<CacheLookup<T>> GetOrCreateAsync<T>(
        string key,
        JsonTypeInfo<T> type,
        Func<CancellationToken, Task<CacheLookup<T>>> factory,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentException.ThrowIfNullOrEmpty(key);
        Interlocked.Increment(ref _misses);
        return factory(cancellationToken);
    }

    public RegionStatistics GetStatistics()
    {
        var misses = Interlocked.Read(ref _misses);
        return new RegionStatistics(Name, misses, 0, misses, 0, Interlocked.Read(ref _sets), 0, 0, 0, 0, 0);
    }
}

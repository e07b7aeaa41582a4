using System.Text.Json.Serialization.Metadata;

namespace MusicDl.Caching;

/// <summary>
/// A region with every layer off (<c>--no-cache</c>): nothing is stored, every lookup is a counted miss
/// and every factory call reaches the origin, so a run can be compared with a cached one.
/// </summary>
internal sealed class PassThroughCacheRegion(string name) : IRegionStore
{
    private long _misses;
    private long _sets;

    public string Name { get; } = name;

    public ICacheRegion<T> Handle<T>(JsonTypeInfo<T> type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return new PassThroughRegionHandle<T>(this);
    }

    public RegionStatistics GetStatistics()
    {
        var misses = Interlocked.Read(ref _misses);
        return new RegionStatistics(Name, misses, 0, misses, 0, Interlocked.Read(ref _sets), 0, 0, 0, 0, 0);
    }

    internal void CountMiss() => Interlocked.Increment(ref _misses);

    internal void CountSet() => Interlocked.Increment(ref _sets);
}

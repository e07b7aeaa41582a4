using MusicDl.Caching;

namespace MusicDl.Tests.YouTube.Matching;

/// <summary>A test double of the whole cache: one <see cref="InMemoryCacheRegion"/> per name.</summary>
internal sealed class InMemoryCache(TimeProvider time) : ICache
{
    private readonly Dictionary<string, InMemoryCacheRegion> _regions = [];

    public ICacheRegion Region(string name) => Get(name);

    public InMemoryCacheRegion Get(string name)
    {
        lock (_regions)
        {
            if (!_regions.TryGetValue(name, out var region))
            {
                region = new InMemoryCacheRegion(name, time, TimeSpan.FromHours(1), TimeSpan.FromHours(1));
                _regions[name] = region;
            }

            return region;
        }
    }

    public IReadOnlyList<RegionStatistics> GetStatistics()
    {
        lock (_regions)
        {
            return _regions.Values.Select(r => r.GetStatistics()).ToList();
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

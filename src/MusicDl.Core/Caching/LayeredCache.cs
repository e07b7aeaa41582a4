using System.Text.Json.Serialization.Metadata;

namespace MusicDl.Caching;

/// <summary>
/// The cache of one run: its regions over the shared persistent and Redis layers. Made by <see cref="CacheFactory"/>.
/// Nothing here is process-global: two instances (or two processes) may use the same file.
/// </summary>
public sealed class LayeredCache : ICache
{
    private readonly Dictionary<string, IRegionStore> _regions;
    private readonly ICacheLayer[] _layers;

    internal LayeredCache(IEnumerable<IRegionStore> regions, IEnumerable<ICacheLayer> layers, CacheWarnings warnings)
    {
        _regions = regions.ToDictionary(r => r.Name, StringComparer.Ordinal);
        _layers = [.. layers];
        Warnings = warnings;
    }

    /// <summary>What degraded during the run (also sent to the logger given to the factory).</summary>
    public CacheWarnings Warnings { get; }

    public ICacheRegion<T> Region<T>(string name, JsonTypeInfo<T> type)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _regions.TryGetValue(name, out var region)
            ? region.Handle(type)
            : throw new ArgumentException($"Unknown cache region '{name}' (known: {string.Join(", ", _regions.Keys)}).", nameof(name));
    }

    public IReadOnlyList<RegionStatistics> GetStatistics() => [.. _regions.Values.Select(r => r.GetStatistics())];

    /// <summary>Writes are already through; this checkpoints the file and closes every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var layer in _layers)
        {
            await layer.DisposeAsync();
        }
    }
}

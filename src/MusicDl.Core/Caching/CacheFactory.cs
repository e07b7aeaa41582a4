using Microsoft.Extensions.Logging;
using MusicDl.Configuration;

namespace MusicDl.Caching;

/// <summary>Builds the run's cache from the settings: memory, then SQLite (cache_persistent), then Redis (cache_redis).</summary>
public static class CacheFactory
{
    /// <summary>
    /// The cache for the settings. With <see cref="MusicDlSettings.NoCache"/> every layer is off and every lookup
    /// a counted miss. Never throws for an unusable file or server: those degrade with a warning on first use.
    /// </summary>
    public static LayeredCache Create(MusicDlSettings settings, TimeProvider time, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        var warnings = new CacheWarnings(logger);
        var regions = CacheRegionDefaults.For(settings);
        if (settings.NoCache)
        {
            return new LayeredCache(regions.Select(r => new PassThroughCacheRegion(r.Name)), [], warnings);
        }

        var layers = new List<ICacheLayer>();
        if (settings.CachePersistent)
        {
            // The host names the file (CachePaths.DefaultFile over its environment when the config names none).
            var file = settings.CacheFile ?? throw new ArgumentException("a persistent cache needs its file: the host sets cache_file (CachePaths.DefaultFile)", nameof(settings));
            layers.Add(new SqliteCacheStore(file, time, warnings));
        }

        if (!string.IsNullOrWhiteSpace(settings.CacheRedis))
        {
            layers.Add(new RedisCacheLayer(settings.CacheRedis, time, warnings));
        }

        return Create(regions, layers, time, warnings);
    }

    internal static LayeredCache Create(IEnumerable<CacheRegionOptions> regions, IReadOnlyList<ICacheLayer> layers, TimeProvider time, CacheWarnings warnings)
        => new(regions.Select(r => new CacheRegion(r, layers, time, warnings)), layers, warnings);
}

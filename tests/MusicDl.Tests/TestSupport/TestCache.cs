using System.Text.Json.Serialization.Metadata;
using MusicDl.Caching;
using MusicDl.Configuration;

namespace MusicDl.Tests.TestSupport;

/// <summary>
/// The real cache for the tests of the areas that use it (Spotify, library, tagging, matching): built by
/// <see cref="CacheFactory"/> as a run builds it, in memory only, so a test sees the real TTLs, capacities,
/// negative entries, single flight and statistics rather than those of a double.
/// </summary>
internal static class TestCache
{
    /// <summary>
    /// The cache of a run with <paramref name="settings"/> (sizes, TTLs) but neither the SQLite file nor Redis.
    /// </summary>
    public static LayeredCache MemoryOnly(TimeProvider time, MusicDlSettings? settings = null) =>
        CacheFactory.Create((settings ?? new MusicDlSettings()) with { CachePersistent = false, CacheRedis = null, NoCache = false }, time);

    /// <summary>
    /// The cache of a run over the SQLite file <paramref name="file"/> (no Redis). Memory hands back the stored object
    /// itself; a second cache over the same file is the next run, which reads every value back through its JSON.
    /// </summary>
    public static LayeredCache OnDisk(string file, TimeProvider time, MusicDlSettings? settings = null) =>
        CacheFactory.Create((settings ?? new MusicDlSettings()) with { CachePersistent = true, CacheFile = file, CacheRedis = null, NoCache = false }, time);

    /// <summary>A handle on one region of a fresh memory-only cache with the default settings.</summary>
    public static ICacheRegion<T> Region<T>(string name, JsonTypeInfo<T> type, TimeProvider? time = null) =>
        MemoryOnly(time ?? TimeProvider.System).Region(name, type);

    /// <summary>
    /// Whether the region holds a live value (<see cref="CacheLookupKind.Hit"/>), a live negative entry, or nothing
    /// for <paramref name="key"/>. It is an ordinary lookup: it counts in the statistics, so read those first.
    /// </summary>
    public static async Task<CacheLookupKind> LookUpAsync<T>(this ICacheRegion<T> region, string key) =>
        (await region.GetAsync(key)).Kind;

    /// <summary>The entries the region's memory holds now (expired ones too, until a lookup or an insert drops them).</summary>
    public static long Entries<T>(this ICacheRegion<T> region) => region.GetStatistics().Entries;
}

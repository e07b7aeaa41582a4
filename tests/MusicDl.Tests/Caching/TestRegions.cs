using MusicDl.Caching;

namespace MusicDl.Tests.Caching;

/// <summary>Builds regions and caches for the tests.</summary>
internal static class TestRegions
{
    public static readonly TimeSpan Ttl = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan NegativeTtl = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan Retention = TimeSpan.FromDays(3);

    public static CacheRegionOptions Options(string name = "test", int capacity = 100, bool persistent = false, bool shared = false)
        => new(name, capacity, Ttl, NegativeTtl, Retention, persistent, shared);

    public static CacheRegion Memory(TimeProvider time, int capacity = 100)
        => new(Options(capacity: capacity), [], time, new CacheWarnings());
}

using BitFaster.Caching.Lru;
using Microsoft.Extensions.Caching.Memory;
using MusicDl.Caching;

namespace MusicDl.Bench;

/// <summary>
/// The four caches compared, each with statistics on, the same capacity and TTL:
/// our memory region (through the public ICacheRegion&lt;T&gt; handle callers hold), BitFaster's ConcurrentLru and ConcurrentTLru
/// (metrics on by default), and MemoryCache (TrackStatistics, SizeLimit = capacity, Size 1 per entry).
/// </summary>
public abstract class CacheContenders : IDisposable
{
    protected const int Capacity = 1_000;
    protected static readonly TimeSpan Ttl = TimeSpan.FromHours(1);

    protected ICacheRegion<string> Region { get; private set; } = null!;

    /// <summary>The region behind <see cref="Region"/>, for the variant without the handle.</summary>
    private protected CacheRegion Core { get; private set; } = null!;

    protected ConcurrentLru<string, string> Lru { get; private set; } = null!;

    protected ConcurrentTLru<string, string> TLru { get; private set; } = null!;

    protected MemoryCache Memory { get; private set; } = null!;

    protected MemoryCacheEntryOptions EntryOptions { get; } = new() { Size = 1, AbsoluteExpirationRelativeToNow = Ttl };

    protected void CreateCaches()
    {
        Core = new CacheRegion(
            new CacheRegionOptions("bench", Capacity, Ttl, Ttl, Ttl, persistent: false, shared: false),
            [],
            TimeProvider.System,
            new CacheWarnings());
        Region = Core.Handle(BenchJson.Default.String);
        Lru = new ConcurrentLru<string, string>(Capacity);
        TLru = new ConcurrentTLru<string, string>(Capacity, Ttl);
        Memory = new MemoryCache(new MemoryCacheOptions { SizeLimit = Capacity, TrackStatistics = true });
    }

    protected static string[] Keys(string prefix, int count)
        => [.. Enumerable.Range(0, count).Select(i => $"{prefix}:{i:D22}")];

    public void Dispose()
    {
        Memory?.Dispose();
        GC.SuppressFinalize(this);
    }
}

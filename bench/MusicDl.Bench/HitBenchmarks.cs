using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Caching.Memory;
using MusicDl.Caching;

namespace MusicDl.Bench;

/// <summary>Single-threaded hits, cycling over 500 resident keys (so recency really moves).</summary>
[MemoryDiagnoser]
public class HitBenchmarks : CacheContenders
{
    private string[] _keys = [];
    private int _next;

    private LruTtlStore _store = null!;

    [GlobalSetup]
    public void Setup()
    {
        CreateCaches();
        _store = new LruTtlStore(Capacity, TimeProvider.System);
        _keys = Keys("spotify:track", Capacity / 2);
        foreach (var key in _keys)
        {
            _store.Set(key, "value", negative: false, Ttl);
            Region.SetAsync(key, "value").GetAwaiter().GetResult();
            Lru.AddOrUpdate(key, "value");
            TLru.AddOrUpdate(key, "value");
            Memory.Set(key, "value", EntryOptions);
        }
    }

    [Benchmark]
    public string? MusicDlRegion() => Region.GetAsync(NextKey()).GetAwaiter().GetResult().Value;

    /// <summary>The region itself, without the typed handle callers hold (what the handle's interface call costs).</summary>
    [Benchmark]
    public string? MusicDlRegionConcrete() => Core.GetAsync(NextKey(), BenchJson.Default.String).GetAwaiter().GetResult().Value;

    /// <summary>The in-memory store alone: what the region adds on top is the API (lookup struct, ValueTask).</summary>
    [Benchmark]
    public object? MusicDlStoreOnly() => _store.TryGet(NextKey(), out var value) == CacheLookupKind.Hit ? value : null;

    [Benchmark]
    public string? BitFasterConcurrentLru() => Lru.TryGet(NextKey(), out var value) ? value : null;

    [Benchmark(Baseline = true)]
    public string? BitFasterConcurrentTLru() => TLru.TryGet(NextKey(), out var value) ? value : null;

    [Benchmark]
    public string? MemoryCacheGet() => Memory.TryGetValue(NextKey(), out string? value) ? value : null;

    private string NextKey()
    {
        var i = _next + 1;
        _next = i == _keys.Length ? 0 : i;
        return _keys[_next];
    }
}

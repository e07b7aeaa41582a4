using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Caching.Memory;

namespace MusicDl.Bench;

/// <summary>Single-threaded misses on a full cache.</summary>
[MemoryDiagnoser]
public class MissBenchmarks : CacheContenders
{
    private string[] _absent = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        CreateCaches();
        foreach (var key in Keys("present", Capacity))
        {
            Region.SetAsync(key, "value").GetAwaiter().GetResult();
            Lru.AddOrUpdate(key, "value");
            TLru.AddOrUpdate(key, "value");
            Memory.Set(key, "value", EntryOptions);
        }

        _absent = Keys("absent", 512);
    }

    [Benchmark]
    public bool MusicDlRegion() => Region.GetAsync(NextKey()).GetAwaiter().GetResult().IsHit;

    [Benchmark]
    public bool BitFasterConcurrentLru() => Lru.TryGet(NextKey(), out _);

    [Benchmark(Baseline = true)]
    public bool BitFasterConcurrentTLru() => TLru.TryGet(NextKey(), out _);

    [Benchmark]
    public bool MemoryCacheGet() => Memory.TryGetValue(NextKey(), out _);

    private string NextKey()
    {
        _next = (_next + 1) & 511;
        return _absent[_next];
    }
}

using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Caching.Memory;

namespace MusicDl.Bench;

/// <summary>Inserts of new keys into a full cache: every insert evicts (MemoryCache compacts in the background instead).</summary>
[MemoryDiagnoser]
public class InsertBenchmarks : CacheContenders
{
    private string[] _keys = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        CreateCaches();
        _keys = Keys("insert", 64 * 1024);
    }

    [Benchmark]
    public void MusicDlRegion() => Region.SetAsync(NextKey(), "value").GetAwaiter().GetResult();

    [Benchmark]
    public void BitFasterConcurrentLru() => Lru.AddOrUpdate(NextKey(), "value");

    [Benchmark(Baseline = true)]
    public void BitFasterConcurrentTLru() => TLru.AddOrUpdate(NextKey(), "value");

    [Benchmark]
    public void MemoryCacheSet() => Memory.Set(NextKey(), "value", EntryOptions);

    private string NextKey()
    {
        _next = (_next + 1) & (64 * 1024 - 1);
        return _keys[_next];
    }
}

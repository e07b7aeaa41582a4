using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Caching.Memory;
using MusicDl.Caching;

namespace MusicDl.Bench;

/// <summary>
/// GetOrCreate from several threads at once on 64 hot keys (mostly hits, some creations): the per-operation
/// cost under contention. Each invocation runs <see cref="Threads"/> x <see cref="PerThread"/> operations.
/// </summary>
[MemoryDiagnoser]
public class ContendedBenchmarks : CacheContenders
{
    private const int Threads = 4;
    private const int PerThread = 2_000;
    private string[] _keys = [];

    [GlobalSetup]
    public void Setup()
    {
        CreateCaches();
        _keys = Keys("hot", 64);
    }

    [Benchmark(OperationsPerInvoke = Threads * PerThread)]
    public Task MusicDlRegion() => RunAsync(async key =>
        (await Region.GetOrCreateAsync(key, _ => Task.FromResult(CacheLookup<string>.Found("value")))).Value);

    [Benchmark(OperationsPerInvoke = Threads * PerThread)]
    public Task BitFasterConcurrentLru() => RunAsync(async key => await Lru.GetOrAddAsync(key, _ => Task.FromResult("value")));

    [Benchmark(Baseline = true, OperationsPerInvoke = Threads * PerThread)]
    public Task BitFasterConcurrentTLru() => RunAsync(async key => await TLru.GetOrAddAsync(key, _ => Task.FromResult("value")));

    [Benchmark(OperationsPerInvoke = Threads * PerThread)]
    public Task MemoryCacheGetOrCreate() => RunAsync(async key => await Memory.GetOrCreateAsync(key, entry =>
    {
        entry.Size = 1;
        entry.AbsoluteExpirationRelativeToNow = Ttl;
        return Task.FromResult("value");
    }));

    private Task RunAsync(Func<string, Task<string?>> operation)
        => Task.WhenAll(Enumerable.Range(0, Threads).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                await operation(_keys[(i * 7 + t) & 63]);
            }
        })));
}

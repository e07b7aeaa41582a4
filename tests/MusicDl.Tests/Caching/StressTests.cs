using MusicDl.Caching;

namespace MusicDl.Tests.Caching;

public sealed class StressTests
{
    private const int Threads = 4;
    private const int OperationsPerThread = 250_000;
    private const int Capacity = 1_000;
    private const int KeySpace = 4_000;

    [Fact]
    public async Task A_million_mixed_operations_keep_capacity_exact_statistics_and_bounded_allocations()
    {
        var region = TestRegions.Memory(TimeProvider.System, Capacity);
        var keys = Enumerable.Range(0, KeySpace).Select(i => $"spotify:track:{i:D22}").ToArray();
        var value = "cached value";
        var observed = new long[Threads, 3];
        var bytesPerOperation = new double[Threads];
        var overCapacity = 0L;
        using var start = new Barrier(Threads);

        var workers = Enumerable.Range(0, Threads).Select(t => Task.Factory.StartNew(
            () =>
            {
                var random = new Random(t);
                start.SignalAndWait();
                var before = GC.GetAllocatedBytesForCurrentThread();
                for (var i = 0; i < OperationsPerThread; i++)
                {
                    var key = keys[random.Next(KeySpace)];
                    var roll = random.Next(100);
                    if (roll < 60)
                    {
                        var found = region.GetAsync(key, CacheTestJson.Default.String).GetAwaiter().GetResult();
                        observed[t, (int)found.Kind]++;
                    }
                    else if (roll < 90)
                    {
                        region.SetAsync(key, value, CacheTestJson.Default.String).GetAwaiter().GetResult();
                    }
                    else if (roll < 97)
                    {
                        region.SetNegativeAsync(key).GetAwaiter().GetResult();
                    }
                    else
                    {
                        region.RemoveAsync(key).GetAwaiter().GetResult();
                    }

                    if ((i & 1023) == 0 && region.GetStatistics().Entries > Capacity)
                    {
                        Interlocked.Increment(ref overCapacity);
                    }
                }

                bytesPerOperation[t] = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)OperationsPerThread;
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();
        await Task.WhenAll(workers);

        var stats = region.GetStatistics();
        long Sum(CacheLookupKind kind) => Enumerable.Range(0, Threads).Sum(t => observed[t, (int)kind]);
        Assert.Equal(0, overCapacity);
        Assert.True(stats.Entries <= Capacity);
        Assert.Equal(Sum(CacheLookupKind.Hit), stats.Hits);
        Assert.Equal(Sum(CacheLookupKind.Negative), stats.NegativeHits);
        Assert.Equal(Sum(CacheLookupKind.Miss), stats.Misses);
        Assert.Equal(stats.Lookups, stats.Hits + stats.NegativeHits + stats.Misses);
        Assert.True(stats.Evictions > 0, "the run must exercise eviction");

        // Reused nodes and synchronous ValueTasks: the steady state allocates (almost) nothing per operation.
        Assert.All(bytesPerOperation, b => Assert.True(b < 16, $"{b:F1} bytes allocated per operation"));
    }

    [Fact]
    public async Task Concurrent_get_or_create_on_a_small_key_set_counts_every_lookup_once()
    {
        var region = TestRegions.Memory(TimeProvider.System, capacity: 16);
        var factoryCalls = 0L;
        var workers = Enumerable.Range(0, Threads).Select(t => Task.Run(async () =>
        {
            var random = new Random(100 + t);
            for (var i = 0; i < 20_000; i++)
            {
                var key = $"k{random.Next(64)}";
                var result = await region.GetOrCreateAsync(key, CacheTestJson.Default.String, async ct =>
                {
                    Interlocked.Increment(ref factoryCalls);
                    await Task.Yield();
                    return random.Next(4) == 0 ? CacheLookup<string>.Absent() : CacheLookup<string>.Found(key);
                });
                Assert.True(result.Kind != CacheLookupKind.Miss);
                if (result.IsHit)
                {
                    Assert.Equal(key, result.Value);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);

        var stats = region.GetStatistics();
        Assert.Equal(Threads * 20_000, stats.Lookups);
        Assert.True(stats.Entries <= 16);
        Assert.True(factoryCalls <= stats.Misses, "a factory runs at most once per missed lookup");
    }
}

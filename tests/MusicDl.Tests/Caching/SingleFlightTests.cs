using Microsoft.Extensions.Time.Testing;
using MusicDl.Caching;

namespace MusicDl.Tests.Caching;

public sealed class SingleFlightTests
{
    private static readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo<string> Text = CacheTestJson.Default.String;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task One_hundred_concurrent_callers_run_the_factory_once()
    {
        var region = TestRegions.Memory(_time);
        var calls = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<CacheLookup<string>> Factory(CancellationToken ct)
        {
            Interlocked.Increment(ref calls);
            await release.Task.WaitAsync(ct);
            return CacheLookup<string>.Found("answer");
        }

        var callers = Enumerable.Range(0, 100)
            .Select(_ => Task.Run(() => region.GetOrCreateAsync("k", Text, Factory)))
            .ToArray();
        // Every caller has missed once before it joins the flight, which stays open until released. A caller still
        // between its miss and the join when the factory ends needs no sleep to be safe: the answer is stored before
        // the flight closes, and a new flight looks in memory before calling the factory, so it runs once in any order.
        await WaitUntilAsync(() => region.GetStatistics().Misses == 100);
        release.SetResult();
        var results = await Task.WhenAll(callers);

        Assert.Equal(1, calls);
        Assert.All(results, r => Assert.Equal("answer", r.Value));
        Assert.Equal("answer", (await region.GetAsync("k", Text)).Value);
    }

    [Fact]
    public async Task A_cached_answer_does_not_call_the_factory()
    {
        var region = TestRegions.Memory(_time);
        await region.SetAsync("k", "cached", Text);

        var result = await region.GetOrCreateAsync("k", Text, _ => throw new InvalidOperationException("must not run"));

        Assert.Equal("cached", result.Value);
    }

    [Fact]
    public async Task A_failure_is_not_cached_and_the_next_caller_tries_again()
    {
        var region = TestRegions.Memory(_time);
        var calls = 0;

        await Assert.ThrowsAsync<HttpRequestException>(() => region.GetOrCreateAsync<string>("k", Text, _ =>
        {
            calls++;
            throw new HttpRequestException("origin down");
        }));
        var second = await region.GetOrCreateAsync("k", Text, _ =>
        {
            calls++;
            return Task.FromResult(CacheLookup<string>.Found("recovered"));
        });

        Assert.Equal(2, calls);
        Assert.Equal("recovered", second.Value);
    }

    [Fact]
    public async Task Every_waiter_sees_the_failure_of_the_shared_call()
    {
        var region = TestRegions.Memory(_time);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<CacheLookup<string>> Factory(CancellationToken ct)
        {
            await release.Task;
            throw new HttpRequestException("origin down");
        }

        var first = region.GetOrCreateAsync("k", Text, Factory);
        var second = region.GetOrCreateAsync("k", Text, Factory);
        release.SetResult();

        await Assert.ThrowsAsync<HttpRequestException>(() => first);
        await Assert.ThrowsAsync<HttpRequestException>(() => second);
        Assert.Equal(CacheLookupKind.Miss, (await region.GetAsync("k", Text)).Kind);
    }

    [Fact]
    public async Task One_callers_cancellation_cancels_neither_the_others_nor_the_factory()
    {
        var region = TestRegions.Memory(_time);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var factoryToken = CancellationToken.None;
        async Task<CacheLookup<string>> Factory(CancellationToken ct)
        {
            factoryToken = ct;
            await release.Task;
            return CacheLookup<string>.Found("answer");
        }

        using var impatient = new CancellationTokenSource();
        var cancelled = region.GetOrCreateAsync("k", Text, Factory, impatient.Token);
        var patient = region.GetOrCreateAsync("k", Text, Factory);
        await impatient.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.False(factoryToken.IsCancellationRequested);
        release.SetResult();
        Assert.Equal("answer", (await patient).Value);
        Assert.Equal("answer", (await region.GetAsync("k", Text)).Value);
    }

    [Fact]
    public async Task When_every_caller_gives_up_the_factory_is_cancelled_and_a_new_caller_starts_afresh()
    {
        var region = TestRegions.Memory(_time);
        var firstFactoryCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<CacheLookup<string>> Hanging(CancellationToken ct)
        {
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
                return CacheLookup<string>.Miss;
            }
            catch (OperationCanceledException)
            {
                firstFactoryCancelled.TrySetResult();
                throw;
            }
        }

        using var only = new CancellationTokenSource();
        var abandoned = region.GetOrCreateAsync("k", Text, Hanging, only.Token);
        await only.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        await firstFactoryCancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var fresh = await region.GetOrCreateAsync("k", Text, _ => Task.FromResult(CacheLookup<string>.Found("new")));
        Assert.Equal("new", fresh.Value);
    }

    [Fact]
    public async Task An_absent_answer_is_stored_as_a_negative_entry_with_its_ttl()
    {
        var region = TestRegions.Memory(_time);
        var origin = new CountingOrigin<string>(CacheLookup<string>.Absent(TimeSpan.FromSeconds(30)));

        Assert.True((await region.GetOrCreateAsync("k", Text, origin.Ask)).IsNegative);
        Assert.True((await region.GetOrCreateAsync("k", Text, origin.Ask)).IsNegative);
        _time.Advance(TimeSpan.FromSeconds(30));
        await region.GetOrCreateAsync("k", Text, origin.Ask);

        Assert.Equal(2, origin.Calls);
    }

    [Fact]
    public async Task A_miss_answer_stores_nothing()
    {
        var region = TestRegions.Memory(_time);
        var origin = new CountingOrigin<string>(CacheLookup<string>.Miss);

        await region.GetOrCreateAsync("k", Text, origin.Ask);
        await region.GetOrCreateAsync("k", Text, origin.Ask);

        Assert.Equal(2, origin.Calls);
        Assert.Equal(0, region.GetStatistics().Entries);
    }

    [Fact]
    public async Task A_found_answer_keeps_its_own_ttl()
    {
        var region = TestRegions.Memory(_time);
        await region.GetOrCreateAsync("k", Text, _ => Task.FromResult(CacheLookup<string>.Found("v", TimeSpan.FromDays(14))));

        _time.Advance(TimeSpan.FromDays(13));

        Assert.True((await region.GetAsync("k", Text)).IsHit);
    }

    [Fact]
    public async Task Distinct_keys_run_their_factories_independently()
    {
        var region = TestRegions.Memory(_time);

        var a = await region.GetOrCreateAsync("a", Text, _ => Task.FromResult(CacheLookup<string>.Found("A")));
        var b = await region.GetOrCreateAsync("b", Text, _ => Task.FromResult(CacheLookup<string>.Found("B")));

        Assert.Equal(("A", "B"), (a.Value, b.Value));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the callers to arrive");
            await Task.Delay(5);
        }
    }
}

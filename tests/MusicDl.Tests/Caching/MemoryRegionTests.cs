using Microsoft.Extensions.Time.Testing;
using MusicDl.Caching;

namespace MusicDl.Tests.Caching;

public sealed class MemoryRegionTests
{
    private static readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo<string> Text = CacheTestJson.Default.String;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_stored_value_is_a_hit()
    {
        var region = TestRegions.Memory(_time);
        await region.SetAsync("k", "v", Text);

        var found = await region.GetAsync("k", Text);

        Assert.Equal(CacheLookupKind.Hit, found.Kind);
        Assert.Equal("v", found.Value);
    }

    [Fact]
    public async Task An_unknown_key_is_a_miss()
    {
        var region = TestRegions.Memory(_time);

        var found = await region.GetAsync("nothing", Text);

        Assert.Equal(CacheLookupKind.Miss, found.Kind);
        Assert.Equal(1, region.GetStatistics().Misses);
    }

    [Fact]
    public async Task An_insert_at_capacity_evicts_the_least_recently_used_entry_at_once()
    {
        var region = TestRegions.Memory(_time, capacity: 3);
        await region.SetAsync("a", "1", Text);
        await region.SetAsync("b", "2", Text);
        await region.SetAsync("c", "3", Text);

        await region.SetAsync("d", "4", Text);

        Assert.Equal(CacheLookupKind.Miss, (await region.GetAsync("a", Text)).Kind);
        Assert.Equal("4", (await region.GetAsync("d", Text)).Value);
        var stats = region.GetStatistics();
        Assert.Equal(3, stats.Entries);
        Assert.Equal(1, stats.Evictions);
    }

    [Fact]
    public async Task A_read_refreshes_recency()
    {
        var region = TestRegions.Memory(_time, capacity: 3);
        await region.SetAsync("a", "1", Text);
        await region.SetAsync("b", "2", Text);
        await region.SetAsync("c", "3", Text);

        await region.GetAsync("a", Text);
        await region.SetAsync("d", "4", Text);

        Assert.True((await region.GetAsync("a", Text)).IsHit);
        Assert.Equal(CacheLookupKind.Miss, (await region.GetAsync("b", Text)).Kind);
    }

    [Fact]
    public async Task Overwriting_a_key_replaces_the_value_without_growing()
    {
        var region = TestRegions.Memory(_time, capacity: 2);
        await region.SetAsync("a", "1", Text);
        await region.SetAsync("a", "2", Text);

        Assert.Equal("2", (await region.GetAsync("a", Text)).Value);
        Assert.Equal(1, region.GetStatistics().Entries);
        Assert.Equal(2, region.GetStatistics().Sets);
    }

    [Fact]
    public async Task Expired_entries_are_misses_and_count_as_expirations()
    {
        var region = TestRegions.Memory(_time);
        await region.SetAsync("k", "v", Text);

        _time.Advance(TestRegions.Ttl - TimeSpan.FromSeconds(1));
        Assert.True((await region.GetAsync("k", Text)).IsHit);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(CacheLookupKind.Miss, (await region.GetAsync("k", Text)).Kind);
        var stats = region.GetStatistics();
        Assert.Equal(1, stats.Expirations);
        Assert.Equal(0, stats.Entries);
    }

    [Fact]
    public async Task An_entry_ttl_wins_over_the_region_ttl()
    {
        var region = TestRegions.Memory(_time);
        await region.SetAsync("short", "v", Text, TimeSpan.FromSeconds(5));
        await region.SetAsync("long", "v", Text, TimeSpan.FromDays(21));

        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(CacheLookupKind.Miss, (await region.GetAsync("short", Text)).Kind);

        _time.Advance(TimeSpan.FromDays(20));
        Assert.True((await region.GetAsync("long", Text)).IsHit);
    }

    [Fact]
    public async Task A_negative_entry_differs_from_a_miss_and_counts_apart_from_hits()
    {
        var region = TestRegions.Memory(_time);
        await region.SetNegativeAsync("absent");

        var found = await region.GetAsync("absent", Text);

        Assert.Equal(CacheLookupKind.Negative, found.Kind);
        Assert.True(found.IsNegative);
        var stats = region.GetStatistics();
        Assert.Equal(1, stats.NegativeHits);
        Assert.Equal(0, stats.Hits);
        Assert.Equal(0, stats.Misses);
        Assert.Equal(0, stats.HitRate);
    }

    [Fact]
    public async Task A_negative_entry_lives_for_the_negative_ttl()
    {
        var region = TestRegions.Memory(_time);
        await region.SetNegativeAsync("absent");

        _time.Advance(TestRegions.NegativeTtl - TimeSpan.FromMilliseconds(1));
        Assert.True((await region.GetAsync("absent", Text)).IsNegative);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(CacheLookupKind.Miss, (await region.GetAsync("absent", Text)).Kind);
    }

    [Fact]
    public async Task A_value_replaces_a_negative_entry()
    {
        var region = TestRegions.Memory(_time);
        await region.SetNegativeAsync("k");
        await region.SetAsync("k", "found later", Text);

        Assert.Equal("found later", (await region.GetAsync("k", Text)).Value);
    }

    [Fact]
    public async Task A_removed_entry_is_a_miss()
    {
        var region = TestRegions.Memory(_time);
        await region.SetAsync("k", "v", Text);

        await region.RemoveAsync("k");

        Assert.Equal(CacheLookupKind.Miss, (await region.GetAsync("k", Text)).Kind);
    }

    [Fact]
    public async Task Statistics_add_up_and_give_the_hit_rate()
    {
        var region = TestRegions.Memory(_time);
        await region.SetAsync("a", "1", Text);
        await region.SetNegativeAsync("n");
        await region.GetAsync("a", Text);
        await region.GetAsync("a", Text);
        await region.GetAsync("n", Text);
        await region.GetAsync("x", Text);

        var stats = region.GetStatistics();

        Assert.Equal(new RegionStatistics("test", 4, 2, 1, 1, 2, 0, 0, 2, 0, 0), stats);
        Assert.Equal(0.5, stats.HitRate);
    }

    [Fact]
    public async Task Memory_stays_bounded_by_capacity_however_many_inserts()
    {
        var region = TestRegions.Memory(_time, capacity: 50);
        for (var i = 0; i < 10_000; i++)
        {
            await region.SetAsync($"k{i}", "v", Text);
        }

        var stats = region.GetStatistics();
        Assert.Equal(50, stats.Entries);
        Assert.Equal(10_000 - 50, stats.Evictions);
    }

    [Fact]
    public async Task An_expired_entry_pushed_out_by_capacity_counts_as_an_expiration()
    {
        var region = TestRegions.Memory(_time, capacity: 1);
        await region.SetAsync("old", "v", Text, TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(2));

        await region.SetAsync("new", "v", Text);

        var stats = region.GetStatistics();
        Assert.Equal(1, stats.Expirations);
        Assert.Equal(0, stats.Evictions);
    }

    [Fact]
    public async Task Values_of_several_types_live_under_distinct_keys()
    {
        var region = TestRegions.Memory(_time);
        var track = new CachedTrack("4uLU6hMCjMI75M1A2tKUQC", "Never Gonna Give You Up", 213_573);
        await region.SetAsync("track:1", track, CacheTestJson.Default.CachedTrack);
        await region.SetAsync("count", 42, CacheTestJson.Default.Int32);

        Assert.Equal(track, (await region.GetAsync("track:1", CacheTestJson.Default.CachedTrack)).Value);
        Assert.Equal(42, (await region.GetAsync("count", CacheTestJson.Default.Int32)).Value);
    }

    [Fact]
    public async Task Reading_a_key_as_another_type_is_a_clear_error()
    {
        var region = TestRegions.Memory(_time);
        await region.SetAsync("count", 42, CacheTestJson.Default.Int32);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await region.GetAsync("count", Text));

        Assert.Contains("'count'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_key_is_rejected()
    {
        var region = TestRegions.Memory(_time);

        await Assert.ThrowsAsync<ArgumentException>(async () => await region.GetAsync("", Text));
    }

    [Fact]
    public void Region_options_reject_a_zero_capacity_with_a_clear_message()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => TestRegions.Options(capacity: 0));

        Assert.Contains("capacity must be at least 1", error.Message, StringComparison.Ordinal);
    }
}

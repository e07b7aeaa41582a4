using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Time.Testing;
using MusicDl.Caching;
using MusicDl.Configuration;
using StackExchange.Redis;

namespace MusicDl.Tests.Caching;

public sealed class SharedCacheTests : IClassFixture<RedisServerFixture>, IDisposable
{
    private static readonly JsonTypeInfo<string> Text = CacheTestJson.Default.String;
    private readonly RedisServer _server;
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly string _id = Guid.NewGuid().ToString("N");

    public SharedCacheTests(RedisServerFixture fixture)
    {
        _server = fixture.Server;
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task An_entry_written_on_one_machine_is_a_shared_hit_on_another()
    {
        await using (var first = RedisOnly())
        {
            await first.Region(CacheRegions.Spotify, Text).SetAsync($"track:{_id}", "Never Gonna Give You Up");
        }

        await using var second = RedisOnly();
        var region = second.Region(CacheRegions.Spotify, Text);
        var found = await region.GetAsync($"track:{_id}");

        Assert.Equal("Never Gonna Give You Up", found.Value);
        Assert.Equal((1L, 1L, 0L), (region.GetStatistics().Hits, region.GetStatistics().SharedHits, region.GetStatistics().PersistentHits));
        Assert.Empty(second.Warnings.Messages);
    }

    [Fact]
    public async Task Keys_carry_the_versioned_prefix_and_an_expiry_set_in_redis()
    {
        await using (var cache = RedisOnly())
        {
            await cache.Region(CacheRegions.AudioSearch, Text).SetAsync($"q:{_id}", "dQw4w9WgXcQ");
        }

        await using var redis = await ConnectionMultiplexer.ConnectAsync(_server.Configuration);
        var ttl = await redis.GetDatabase().KeyTimeToLiveAsync($"musicdl:v1:audio_search:q:{_id}");

        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, CacheRegionDefaults.AudioSearchRetention - TimeSpan.FromMinutes(1), CacheRegionDefaults.AudioSearchRetention);
    }

    [Fact]
    public async Task A_negative_entry_is_shared_too()
    {
        await using (var first = RedisOnly())
        {
            await first.Region(CacheRegions.AudioSearch, CacheTestJson.Default.String).SetNegativeAsync($"q:{_id}");
        }

        await using var second = RedisOnly();

        Assert.True((await second.Region(CacheRegions.AudioSearch, Text).GetAsync($"q:{_id}")).IsNegative);
    }

    [Fact]
    public async Task An_entry_expires_in_redis_after_its_ttl()
    {
        // Redis's own events, not a clock: checking the key right after a 300 ms write raced that expiry on a slow machine.
        await using var redis = await ConnectionMultiplexer.ConnectAsync(_server.Configuration + ",allowAdmin=true");
        await redis.GetServer(redis.GetEndPoints()[0]).ConfigSetAsync("notify-keyspace-events", "E$x");
        var key = $"musicdl:v1:match:track:{_id}";
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var expired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var events = redis.GetSubscriber();
        await events.SubscribeAsync(RedisChannel.Literal("__keyevent@0__:set"), (_, k) => Signal(k, written));
        await events.SubscribeAsync(RedisChannel.Literal("__keyevent@0__:expired"), (_, k) => Signal(k, expired));

        await using (var first = RedisOnly())
        {
            await first.Region(CacheRegions.Match, Text).SetAsync($"track:{_id}", "dQw4w9WgXcQ", TimeSpan.FromMilliseconds(300));
        }

        // Written, then removed by Redis because its time ran out (a delete would be another event).
        await written.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await expired.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(await redis.GetDatabase().KeyExistsAsync(key));

        await using var second = RedisOnly();
        Assert.Equal(CacheLookupKind.Miss, (await second.Region(CacheRegions.Match, Text).GetAsync($"track:{_id}")).Kind);

        void Signal(RedisValue eventKey, TaskCompletionSource signal)
        {
            if (eventKey == key)
            {
                signal.TrySetResult();
            }
        }
    }

    [Fact]
    public async Task Tokens_tags_and_file_checks_never_reach_redis()
    {
        await using (var cache = RedisOnly())
        {
            await cache.Region(CacheRegions.Tokens, Text).SetAsync($"t:{_id}", "refresh-token");
            await cache.Region(CacheRegions.Tags, Text).SetAsync($"t:{_id}", "fingerprint");
            await cache.Region(CacheRegions.FileExistence, Text).SetAsync($"t:{_id}", "present");
            await cache.Region(CacheRegions.Images, Text).SetAsync($"t:{_id}", "cover");
        }

        await using var redis = await ConnectionMultiplexer.ConnectAsync(_server.Configuration);
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var keys = server.Keys(pattern: $"*{_id}*").Select(k => (string)k!).ToArray();

        Assert.Equal([$"musicdl:v1:images:t:{_id}"], keys);
    }

    [Fact]
    public async Task A_shared_hit_also_fills_the_local_file()
    {
        var file = _folder.File("cache.db");
        await using (var other = RedisOnly())
        {
            await other.Region(CacheRegions.Spotify, Text).SetAsync($"album:{_id}", "Whenever You Need Somebody");
        }

        await using (var both = CacheFactory.Create(new MusicDlSettings { CacheFile = file, CacheRedis = _server.Configuration }, _time))
        {
            var shared = both.Region(CacheRegions.Spotify, Text);
            Assert.True((await shared.GetAsync($"album:{_id}")).IsHit);
            Assert.Equal(1, shared.GetStatistics().SharedHits);
        }

        await using var local = CacheFactory.Create(new MusicDlSettings { CacheFile = file }, _time);
        var region = local.Region(CacheRegions.Spotify, Text);
        Assert.True((await region.GetAsync($"album:{_id}")).IsHit);
        Assert.Equal(1, region.GetStatistics().PersistentHits);
    }

    [Fact]
    public async Task An_unreachable_server_gives_one_warning_without_its_password_and_the_run_goes_on()
    {
        var settings = new MusicDlSettings { CachePersistent = false, CacheRedis = $"127.0.0.1:{RedisServer.FreePort()},password=hunter2-secret" };
        await using var cache = CacheFactory.Create(settings, _time);
        var region = cache.Region(CacheRegions.Spotify, Text);

        await region.SetAsync("track:1", "v");
        Assert.True((await region.GetAsync("track:1")).IsHit);
        Assert.Equal(CacheLookupKind.Miss, (await region.GetAsync("track:2")).Kind);
        var created = await region.GetOrCreateAsync("track:3", _ => Task.FromResult(CacheLookup<string>.Found("origin")));

        Assert.Equal("origin", created.Value);
        var warning = Assert.Single(cache.Warnings.Messages);
        Assert.Contains("unreachable", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_lost_mid_run_gives_one_warning_and_the_local_layers_carry_on()
    {
        var server = await RedisServer.StartAsync();
        await using var cache = CacheFactory.Create(new MusicDlSettings { CacheFile = _folder.File("outage.db"), CacheRedis = server.Configuration }, _time);
        var region = cache.Region(CacheRegions.AudioSearch, Text);
        await region.SetAsync("before", "v");

        await server.DisposeAsync();
        await region.SetAsync("after", "v");
        await region.GetAsync("unknown-1");
        await region.GetAsync("unknown-2");

        Assert.True((await region.GetAsync("before")).IsHit);
        Assert.True((await region.GetAsync("after")).IsHit);
        var warning = Assert.Single(cache.Warnings.Messages);
        Assert.Contains("Redis", warning, StringComparison.Ordinal);
    }

    private LayeredCache RedisOnly()
        => CacheFactory.Create(new MusicDlSettings { CachePersistent = false, CacheRedis = _server.Configuration }, _time);
}

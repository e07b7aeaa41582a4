using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MusicDl.Caching;

namespace MusicDl.Tests.YouTube.Matching;

/// <summary>
/// A test double of a cache region: values go through their JSON type info (as the persistent layers do),
/// entries expire by the given TimeProvider, and a failing factory stores nothing.
/// </summary>
internal sealed class InMemoryCacheRegion(string name, TimeProvider time, TimeSpan ttl, TimeSpan negativeTtl) : ICacheRegion
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _lookups;
    private long _hits;
    private long _negativeHits;
    private long _sets;

    public string Name => name;

    public int Count => _entries.Count;

    public long NegativeHits => Interlocked.Read(ref _negativeHits);

    public bool IsNegative(string key) => _entries.TryGetValue(key, out var e) && e.Json is null && !Expired(e);

    public bool Contains(string key) => _entries.TryGetValue(key, out var e) && !Expired(e);

    public IEnumerable<string> Keys => _entries.Keys;

    public ValueTask<CacheLookup<T>> GetAsync<T>(string key, JsonTypeInfo<T> type, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _lookups);
        if (!_entries.TryGetValue(key, out var entry) || Expired(entry))
        {
            return ValueTask.FromResult(CacheLookup<T>.Miss);
        }

        if (entry.Json is null)
        {
            Interlocked.Increment(ref _negativeHits);
            return ValueTask.FromResult(CacheLookup<T>.Absent());
        }

        Interlocked.Increment(ref _hits);
        return ValueTask.FromResult(CacheLookup<T>.Found(JsonSerializer.Deserialize(entry.Json, type)!));
    }

    public ValueTask SetAsync<T>(string key, T value, JsonTypeInfo<T> type, TimeSpan? ttl = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _sets);
        _entries[key] = new Entry(JsonSerializer.SerializeToUtf8Bytes(value, type), time.GetUtcNow() + (ttl ?? DefaultTtl));
        return ValueTask.CompletedTask;
    }

    public ValueTask SetNegativeAsync(string key, TimeSpan? ttl = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _sets);
        _entries[key] = new Entry(null, time.GetUtcNow() + (ttl ?? negativeTtl));
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        _entries.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }

    public async Task<CacheLookup<T>> GetOrCreateAsync<T>(
        string key, JsonTypeInfo<T> type, Func<CancellationToken, Task<CacheLookup<T>>> factory, CancellationToken cancellationToken = default)
    {
        var cached = await GetAsync(key, type, cancellationToken);
        if (cached.Kind != CacheLookupKind.Miss)
        {
            return cached;
        }

        var made = await factory(cancellationToken);
        if (made.Kind == CacheLookupKind.Hit)
        {
            await SetAsync(key, made.Value!, type, made.Ttl, cancellationToken);
        }
        else if (made.Kind == CacheLookupKind.Negative)
        {
            await SetNegativeAsync(key, made.Ttl, cancellationToken);
        }

        return made;
    }

    public RegionStatistics GetStatistics()
    {
        var lookups = Interlocked.Read(ref _lookups);
        var hits = Interlocked.Read(ref _hits);
        var negative = Interlocked.Read(ref _negativeHits);
        return new RegionStatistics(name, lookups, hits, lookups - hits - negative, negative, Interlocked.Read(ref _sets), 0, 0, _entries.Count, 0, 0);
    }

    private TimeSpan DefaultTtl => ttl;

    private bool Expired(Entry e) => time.GetUtcNow() >= e.Expires;

    private sealed record Entry(byte[]? Json, DateTimeOffset Expires);
}

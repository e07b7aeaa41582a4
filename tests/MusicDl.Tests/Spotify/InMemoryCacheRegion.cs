using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MusicDl.Caching;

namespace MusicDl.Tests.Spotify;

/// <summary>
/// A test double of a cache region: values go through their JSON type info (as in the persistent layers),
/// expire by the given clock, and GetOrCreate runs one factory per key at a time.
/// </summary>
internal sealed class InMemoryCacheRegion(string name, TimeProvider time) : ICacheRegion
{
    private readonly ConcurrentDictionary<string, (byte[]? Json, DateTimeOffset Expires)> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _flights = new(StringComparer.Ordinal);
    private long _lookups;
    private long _hits;
    private long _sets;

    public string Name => name;

    public TimeSpan DefaultTtl { get; init; } = TimeSpan.FromHours(1);

    public IReadOnlyCollection<string> Keys => _entries.Keys.ToArray();

    public long Hits => Interlocked.Read(ref _hits);

    public ValueTask<CacheLookup<T>> GetAsync<T>(string key, JsonTypeInfo<T> type, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _lookups);
        if (!_entries.TryGetValue(key, out var entry) || entry.Expires <= time.GetUtcNow())
        {
            return ValueTask.FromResult(CacheLookup<T>.Miss);
        }

        Interlocked.Increment(ref _hits);
        return ValueTask.FromResult(entry.Json is null
            ? CacheLookup<T>.Absent()
            : CacheLookup<T>.Found(JsonSerializer.Deserialize(entry.Json, type)!));
    }

    public ValueTask SetAsync<T>(string key, T value, JsonTypeInfo<T> type, TimeSpan? ttl = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _sets);
        _entries[key] = (JsonSerializer.SerializeToUtf8Bytes(value, type), time.GetUtcNow() + (ttl ?? DefaultTtl));
        return ValueTask.CompletedTask;
    }

    public ValueTask SetNegativeAsync(string key, TimeSpan? ttl = null, CancellationToken cancellationToken = default)
    {
        _entries[key] = (null, time.GetUtcNow() + (ttl ?? DefaultTtl));
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
        var gate = _flights.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var found = await GetAsync(key, type, cancellationToken);
            if (found.Kind != CacheLookupKind.Miss)
            {
                return found;
            }

            var created = await factory(cancellationToken);
            if (created.IsHit)
            {
                await SetAsync(key, created.Value!, type, created.Ttl, cancellationToken);
            }
            else if (created.IsNegative)
            {
                await SetNegativeAsync(key, created.Ttl, cancellationToken);
            }

            return created;
        }
        finally
        {
            gate.Release();
        }
    }

    public RegionStatistics GetStatistics() =>
        new(name, Interlocked.Read(ref _lookups), Hits, Interlocked.Read(ref _lookups) - Hits, 0, Interlocked.Read(ref _sets), 0, 0, _entries.Count, 0, 0);
}

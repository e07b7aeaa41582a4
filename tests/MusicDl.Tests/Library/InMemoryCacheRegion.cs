using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MusicDl.Caching;

namespace MusicDl.Tests.Library;

/// <summary>
/// A plain dictionary region for library and tagging tests (the real cache is tested in its own area). Values go
/// through their JsonTypeInfo like the persistent layers do, so a type that cannot round-trip fails here too.
/// </summary>
public sealed class InMemoryCacheRegion(string name) : ICacheRegion
{
    private readonly ConcurrentDictionary<string, string?> _entries = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _flight = new(1, 1);
    private long _lookups;
    private long _hits;
    private long _sets;

    public string Name { get; } = name;

    public IReadOnlyCollection<string> Keys => _entries.Keys.ToArray();

    public int FactoryCalls { get; private set; }

    public ValueTask<CacheLookup<T>> GetAsync<T>(string key, JsonTypeInfo<T> type, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _lookups);
        if (!_entries.TryGetValue(key, out var json))
        {
            return ValueTask.FromResult(CacheLookup<T>.Miss);
        }

        Interlocked.Increment(ref _hits);
        return ValueTask.FromResult(json is null ? CacheLookup<T>.Absent() : CacheLookup<T>.Found(JsonSerializer.Deserialize(json, type)!));
    }

    public ValueTask SetAsync<T>(string key, T value, JsonTypeInfo<T> type, TimeSpan? ttl = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _sets);
        _entries[key] = JsonSerializer.Serialize(value, type);
        return ValueTask.CompletedTask;
    }

    public ValueTask SetNegativeAsync(string key, TimeSpan? ttl = null, CancellationToken cancellationToken = default)
    {
        _entries[key] = null;
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        _entries.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }

    public async Task<CacheLookup<T>> GetOrCreateAsync<T>(
        string key,
        JsonTypeInfo<T> type,
        Func<CancellationToken, Task<CacheLookup<T>>> factory,
        CancellationToken cancellationToken = default)
    {
        await _flight.WaitAsync(cancellationToken);
        try
        {
            var cached = await GetAsync(key, type, cancellationToken);
            if (cached.Kind != CacheLookupKind.Miss)
            {
                return cached;
            }

            FactoryCalls++;
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
            _flight.Release();
        }
    }

    public RegionStatistics GetStatistics() =>
        new(Name, _lookups, _hits, _lookups - _hits, 0, _sets, 0, 0, _entries.Count, 0, 0);
}

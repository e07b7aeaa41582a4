using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace MusicDl.Caching;

/// <summary>
/// A region: memory first, then the persistent and shared layers in order, promoting a lower hit upwards;
/// writes go through to every layer the region uses. The store counts every lookup's memory outcome under its
/// lock (no atomic operation on the hot path); a memory miss that a lower layer answers moves from misses to
/// hits here, so each lookup counts exactly once. Callers hold typed handles (<see cref="CacheRegionHandle{T}"/>)
/// that fix the value type and its JSON contract.
/// </summary>
internal sealed class CacheRegion : IRegionStore
{
    private readonly LruTtlStore _memory;
    private readonly ICacheLayer[] _layers;
    private readonly TimeProvider _time;
    private readonly CacheWarnings _warnings;
    private readonly ConcurrentDictionary<string, object> _flights = new(StringComparer.Ordinal);
    private long _layerHits;
    private long _layerNegativeHits;
    private long _persistentHits;
    private long _sharedHits;
    private int _serializationWarned;

    public CacheRegion(CacheRegionOptions options, IEnumerable<ICacheLayer> layers, TimeProvider time, CacheWarnings warnings)
    {
        Options = options;
        _time = time;
        _warnings = warnings;
        _memory = new LruTtlStore(options.Capacity, time);
        _layers = [.. layers.Where(l => l.Kind == CacheLayerKind.Persistent ? options.Persistent : options.Shared).OrderBy(l => l.Kind)];
    }

    public CacheRegionOptions Options { get; }

    public string Name => Options.Name;

    public ICacheRegion<T> Handle<T>(JsonTypeInfo<T> type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return new CacheRegionHandle<T>(this, type);
    }

    public ValueTask<CacheLookup<T>> GetAsync<T>(string key, JsonTypeInfo<T> type, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var kind = _memory.TryGet(key, out var value);
        if (kind == CacheLookupKind.Hit)
        {
            return new(CacheLookup<T>.Found(Cast<T>(key, value)));
        }

        if (kind == CacheLookupKind.Negative)
        {
            return new(CacheLookup<T>.Absent());
        }

        if (_layers.Length == 0)
        {
            return new(CacheLookup<T>.Miss);
        }

        return GetFromLayersAsync(key, type, cancellationToken);
    }

    // The memory-only paths complete synchronously without an async state machine: no allocation per call.
    public ValueTask SetAsync<T>(string key, T value, JsonTypeInfo<T> type, TimeSpan? ttl = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var memoryTtl = ttl ?? Options.Ttl;
        if (memoryTtl <= TimeSpan.Zero)
        {
            return ValueTask.CompletedTask;
        }

        _memory.Set(key, value, negative: false, memoryTtl);
        if (_layers.Length == 0)
        {
            return ValueTask.CompletedTask;
        }

        string json;
        try
        {
            json = JsonSerializer.Serialize(value, type);
        }
        catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException)
        {
            // The value stays in memory; a type the serialiser cannot write must not fail the caller.
            WarnOnce(ref _serializationWarned, $"Cache region '{Name}': a {typeof(T).Name} cannot be stored on disk ({ex.Message}); kept in memory only.");
            return ValueTask.CompletedTask;
        }

        return WriteThroughAsync(key, new StoredEntry(json, false, _time.GetUtcNow() + (ttl ?? Options.PersistentTtl)), _layers.Length, cancellationToken);
    }

    public ValueTask SetNegativeAsync(string key, TimeSpan? ttl = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var negativeTtl = ttl ?? Options.NegativeTtl;
        if (negativeTtl <= TimeSpan.Zero)
        {
            return ValueTask.CompletedTask;
        }

        _memory.Set(key, null, negative: true, negativeTtl);
        return _layers.Length == 0
            ? ValueTask.CompletedTask
            : WriteThroughAsync(key, new StoredEntry(null, true, _time.GetUtcNow() + negativeTtl), _layers.Length, cancellationToken);
    }

    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        _memory.Remove(key);
        return _layers.Length == 0 ? ValueTask.CompletedTask : RemoveFromLayersAsync(key, cancellationToken);
    }

    public Task<CacheLookup<T>> GetOrCreateAsync<T>(
        string key,
        JsonTypeInfo<T> type,
        Func<CancellationToken, Task<CacheLookup<T>>> factory,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var lookup = GetAsync(key, type, cancellationToken);

        // A memory hit answers without an async state machine. A ValueTask is read once only.
        if (lookup.IsCompletedSuccessfully)
        {
            var result = lookup.Result;
            return result.Kind != CacheLookupKind.Miss
                ? Task.FromResult(result)
                : GetOrCreateSlowAsync(new ValueTask<CacheLookup<T>>(result), key, type, factory, cancellationToken);
        }

        return GetOrCreateSlowAsync(lookup, key, type, factory, cancellationToken);
    }

    private async Task<CacheLookup<T>> GetOrCreateSlowAsync<T>(
        ValueTask<CacheLookup<T>> lookup,
        string key,
        JsonTypeInfo<T> type,
        Func<CancellationToken, Task<CacheLookup<T>>> factory,
        CancellationToken cancellationToken)
    {
        var cached = await lookup;
        if (cached.Kind != CacheLookupKind.Miss)
        {
            return cached;
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var candidate = new Flight<T>();
            var existing = _flights.GetOrAdd(key, candidate);
            if (existing == candidate)
            {
                candidate.TryJoin();
                _ = RunFlightAsync(key, type, factory, candidate);
                return await candidate.WaitAsync(cancellationToken);
            }

            candidate.Dispose();
            if (existing is not Flight<T> flight)
            {
                // The same key asked for as another type: a caller's mistake, but not worth a shared flight.
                return await CreateAndStoreAsync(key, type, factory, cancellationToken);
            }

            if (flight.TryJoin())
            {
                return await flight.WaitAsync(cancellationToken);
            }

            // Every waiter of that flight gave up; it is being cancelled. Start afresh.
            _flights.TryRemove(new KeyValuePair<string, object>(key, flight));
        }
    }

    public RegionStatistics GetStatistics()
    {
        // Layer counters first: a layer hit counted here had its memory miss counted before, so misses stay exact.
        var layerHits = Interlocked.Read(ref _layerHits);
        var layerNegativeHits = Interlocked.Read(ref _layerNegativeHits);
        var memory = _memory.GetCounters();
        var hits = memory.Hits + layerHits;
        var negativeHits = memory.NegativeHits + layerNegativeHits;
        var misses = memory.Misses - layerHits - layerNegativeHits;
        return new RegionStatistics(
            Name,
            hits + negativeHits + misses,
            hits,
            misses,
            negativeHits,
            memory.Sets,
            memory.Evictions,
            memory.Expirations,
            memory.Entries,
            Interlocked.Read(ref _persistentHits),
            Interlocked.Read(ref _sharedHits));
    }

    private static T Cast<T>(string key, object? value) => value switch
    {
        T typed => typed,
        null => default!,
        _ => throw new InvalidOperationException(
            $"Cache key '{key}' holds a {value.GetType().Name}, not a {typeof(T).Name}: use distinct keys per type."),
    };

    private async ValueTask<CacheLookup<T>> GetFromLayersAsync<T>(string key, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        for (var i = 0; i < _layers.Length; i++)
        {
            var layer = _layers[i];
            var stored = await layer.GetAsync(Name, key, cancellationToken);
            if (stored is not { } entry)
            {
                continue;
            }

            var remaining = entry.ExpiresAt - _time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                continue;
            }

            T? value = default;
            if (!entry.Negative && !TryDeserialize(key, entry, type, out value))
            {
                await layer.RemoveAsync(Name, key, cancellationToken);
                continue;
            }

            Interlocked.Increment(ref layer.Kind == CacheLayerKind.Persistent ? ref _persistentHits : ref _sharedHits);
            Interlocked.Increment(ref entry.Negative ? ref _layerNegativeHits : ref _layerHits);
            var memoryTtl = Min(remaining, entry.Negative ? Options.NegativeTtl : Options.Ttl);
            _memory.Set(key, value, entry.Negative, memoryTtl);

            // A shared hit also fills the local file, so the next run answers without the network.
            await WriteThroughAsync(key, entry, i, cancellationToken);
            return entry.Negative ? CacheLookup<T>.Absent() : CacheLookup<T>.Found(value!);
        }

        return CacheLookup<T>.Miss;
    }

    private bool TryDeserialize<T>(string key, StoredEntry entry, JsonTypeInfo<T> type, out T? value)
    {
        try
        {
            value = entry.Utf8 is { } utf8 ? JsonSerializer.Deserialize(utf8, type) : JsonSerializer.Deserialize(entry.Json ?? "null", type);
            return true;
        }
        catch (JsonException ex)
        {
            // A value written by another version with another shape: drop it and ask the origin.
            _warnings.Add($"Cache region '{Name}': the stored value of '{key}' is not a {typeof(T).Name} ({ex.Message}); it was dropped.");
            value = default;
            return false;
        }
    }

    private async ValueTask RemoveFromLayersAsync(string key, CancellationToken cancellationToken)
    {
        foreach (var layer in _layers)
        {
            await layer.RemoveAsync(Name, key, cancellationToken);
        }
    }

    private async ValueTask WriteThroughAsync(string key, StoredEntry entry, int layerCount, CancellationToken cancellationToken)
    {
        for (var i = 0; i < layerCount; i++)
        {
            await _layers[i].SetAsync(Name, key, entry, cancellationToken);
        }
    }

    private async Task RunFlightAsync<T>(string key, JsonTypeInfo<T> type, Func<CancellationToken, Task<CacheLookup<T>>> factory, Flight<T> flight)
    {
        try
        {
            // A flight that finished between our lookup and this one's start has already stored its answer.
            var result = _memory.Peek(key, out var value) switch
            {
                CacheLookupKind.Hit => CacheLookup<T>.Found(Cast<T>(key, value)),
                CacheLookupKind.Negative => CacheLookup<T>.Absent(),
                _ => await CreateAndStoreAsync(key, type, factory, flight.Token),
            };
            _flights.TryRemove(new KeyValuePair<string, object>(key, flight));
            flight.Complete(result);
        }
#pragma warning disable CA1031 // Every failure goes to the waiters, none is cached.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _flights.TryRemove(new KeyValuePair<string, object>(key, flight));
            flight.Fail(ex);
        }
        finally
        {
            flight.Dispose();
        }
    }

    private async Task<CacheLookup<T>> CreateAndStoreAsync<T>(string key, JsonTypeInfo<T> type, Func<CancellationToken, Task<CacheLookup<T>>> factory, CancellationToken cancellationToken)
    {
        var result = await factory(cancellationToken);
        switch (result.Kind)
        {
            case CacheLookupKind.Hit:
                await SetAsync(key, result.Value!, type, result.Ttl, cancellationToken);
                break;
            case CacheLookupKind.Negative:
                await SetNegativeAsync(key, result.Ttl, cancellationToken);
                break;
        }

        return result;
    }

    private void WarnOnce(ref int warned, string message)
    {
        if (Interlocked.Exchange(ref warned, 1) == 0)
        {
            _warnings.Add(message);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a <= b ? a : b;
}

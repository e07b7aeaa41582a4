namespace MusicDl.Caching;

/// <summary>
/// The in-memory layer of a region: a strict-capacity LRU with per-entry expiry.
/// A dictionary finds the node, an intrusive doubly linked list keeps recency, both under one lock:
/// every operation is O(1), an insert at capacity evicts the least recently used entry at once,
/// and the counters kept under the same lock are exact however many threads call.
/// Evicted nodes are reused, so a steady state of inserts allocates nothing.
/// </summary>
internal sealed class LruTtlStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LruNode> _map;
    private readonly TimeProvider _time;
    private readonly bool _systemClock;
    private readonly double _timestampTicksPerTimeSpanTick;
    private LruNode? _head;
    private LruNode? _tail;
    private LruNode? _spare;
    private long _hits;
    private long _negativeHits;
    private long _misses;
    private long _sets;
    private long _evictions;
    private long _expirations;

    public LruTtlStore(int capacity, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentNullException.ThrowIfNull(time);
        Capacity = capacity;
        _time = time;

        // The system clock is read as Environment.TickCount64 (milliseconds, a few ns) instead of a precise
        // timestamp (tens of ns): TTLs are seconds to weeks, and the read sits on every hit.
        _systemClock = ReferenceEquals(time, TimeProvider.System);
        var frequency = _systemClock ? 1000 : time.TimestampFrequency;
        _timestampTicksPerTimeSpanTick = (double)frequency / TimeSpan.TicksPerSecond;

        // Sized once, so the map never rehashes while the store is full.
        _map = new Dictionary<string, LruNode>(capacity + 1, StringComparer.Ordinal);
    }

    public int Capacity { get; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _map.Count;
            }
        }
    }

    /// <summary>
    /// Looks the key up and counts the outcome. A memory miss that a lower layer then answers is
    /// re-counted by the region (see <see cref="CacheRegion"/>), so every lookup counts once.
    /// </summary>
    public CacheLookupKind TryGet(string key, out object? value)
    {
        lock (_gate)
        {
            if (!_map.TryGetValue(key, out var node))
            {
                _misses++;
                value = null;
                return CacheLookupKind.Miss;
            }

            if (node.ExpiresAt <= Now())
            {
                _misses++;
                _expirations++;
                RemoveNode(node);
                value = null;
                return CacheLookupKind.Miss;
            }

            if (node != _head)
            {
                Unlink(node);
                PushFront(node);
            }

            value = node.Value;
            if (node.Negative)
            {
                _negativeHits++;
                return CacheLookupKind.Negative;
            }

            _hits++;
            return CacheLookupKind.Hit;
        }
    }

    /// <summary>Looks without counting and without refreshing recency (the single-flight re-check).</summary>
    public CacheLookupKind Peek(string key, out object? value)
    {
        lock (_gate)
        {
            if (_map.TryGetValue(key, out var node) && node.ExpiresAt > Now())
            {
                value = node.Value;
                return node.Negative ? CacheLookupKind.Negative : CacheLookupKind.Hit;
            }
        }

        value = null;
        return CacheLookupKind.Miss;
    }

    public void Set(string key, object? value, bool negative, TimeSpan ttl)
    {
        var expiresAt = ExpiryFor(ttl);
        lock (_gate)
        {
            _sets++;
            if (_map.TryGetValue(key, out var node))
            {
                node.Value = value;
                node.Negative = negative;
                node.ExpiresAt = expiresAt;
                if (node != _head)
                {
                    Unlink(node);
                    PushFront(node);
                }

                return;
            }

            if (_map.Count >= Capacity)
            {
                EvictLeastRecentlyUsed(Now());
            }

            node = _spare ?? new LruNode();
            _spare = null;
            node.Key = key;
            node.Value = value;
            node.Negative = negative;
            node.ExpiresAt = expiresAt;
            _map.Add(key, node);
            PushFront(node);
        }
    }

    public bool Remove(string key)
    {
        lock (_gate)
        {
            if (!_map.TryGetValue(key, out var node))
            {
                return false;
            }

            RemoveNode(node);
            return true;
        }
    }

    public MemoryStoreCounters GetCounters()
    {
        lock (_gate)
        {
            return new MemoryStoreCounters(_hits, _negativeHits, _misses, _sets, _evictions, _expirations, _map.Count);
        }
    }

    private long Now() => _systemClock ? Environment.TickCount64 : _time.GetTimestamp();

    private long ExpiryFor(TimeSpan ttl)
    {
        var now = Now();
        var delta = ttl.Ticks * _timestampTicksPerTimeSpanTick;
        return delta >= long.MaxValue - (double)now ? long.MaxValue : now + (long)delta;
    }

    private void EvictLeastRecentlyUsed(long now)
    {
        var victim = _tail!;
        if (victim.ExpiresAt <= now)
        {
            _expirations++;
        }
        else
        {
            _evictions++;
        }

        RemoveNode(victim);
    }

    private void RemoveNode(LruNode node)
    {
        _map.Remove(node.Key);
        Unlink(node);
        node.Value = null;
        node.Key = string.Empty;
        _spare = node;
    }

    private void PushFront(LruNode node)
    {
        node.Previous = null;
        node.Next = _head;
        if (_head is not null)
        {
            _head.Previous = node;
        }

        _head = node;
        _tail ??= node;
    }

    private void Unlink(LruNode node)
    {
        if (node.Previous is null)
        {
            _head = node.Next;
        }
        else
        {
            node.Previous.Next = node.Next;
        }

        if (node.Next is null)
        {
            _tail = node.Previous;
        }
        else
        {
            node.Next.Previous = node.Previous;
        }

        node.Previous = null;
        node.Next = null;
    }
}

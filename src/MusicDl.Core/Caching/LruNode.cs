namespace MusicDl.Caching;

/// <summary>One entry of <see cref="LruTtlStore"/>: a node of its intrusive recency list, reused after eviction.</summary>
internal sealed class LruNode
{
    public string Key = string.Empty;

    public object? Value;

    public bool Negative;

    /// <summary>Expiry on the store's clock (milliseconds for the system clock, else the provider's timestamp).</summary>
    public long ExpiresAt;

    /// <summary>Towards the most recently used end.</summary>
    public LruNode? Previous;

    /// <summary>Towards the least recently used end.</summary>
    public LruNode? Next;
}

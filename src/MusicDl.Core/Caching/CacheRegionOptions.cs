namespace MusicDl.Caching;

/// <summary>
/// How one region behaves. <see cref="Capacity"/> and <see cref="Ttl"/> bound the in-memory layer;
/// <see cref="PersistentTtl"/> is how long the persistent and shared layers keep an entry that brings no TTL
/// of its own. An entry's own TTL wins over both.
/// </summary>
public sealed record CacheRegionOptions
{
    public CacheRegionOptions(string name, int capacity, TimeSpan ttl, TimeSpan negativeTtl, TimeSpan persistentTtl, bool persistent, bool shared)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, $"Cache region '{name}': the capacity must be at least 1.");
        }

        ThrowIfNotPositive(name, ttl, nameof(ttl));
        ThrowIfNotPositive(name, negativeTtl, nameof(negativeTtl));
        ThrowIfNotPositive(name, persistentTtl, nameof(persistentTtl));
        Name = name;
        Capacity = capacity;
        Ttl = ttl;
        NegativeTtl = negativeTtl;
        PersistentTtl = persistentTtl;
        Persistent = persistent;
        Shared = shared;
    }

    public string Name { get; }

    public int Capacity { get; }

    public TimeSpan Ttl { get; }

    public TimeSpan NegativeTtl { get; }

    public TimeSpan PersistentTtl { get; }

    /// <summary>Kept in the SQLite file across runs.</summary>
    public bool Persistent { get; }

    /// <summary>Kept in Redis when configured (only for answers that do not depend on the machine).</summary>
    public bool Shared { get; }

    private static void ThrowIfNotPositive(string name, TimeSpan value, string parameter)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(parameter, value, $"Cache region '{name}': {parameter} must be positive.");
        }
    }
}

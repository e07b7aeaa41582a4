namespace MusicDl.Caching;

/// <summary>
/// The answer of a cache lookup, or of a factory passed to <see cref="ICacheRegion{T}.GetOrCreateAsync"/>.
/// A factory returns <see cref="Found"/> to store a value, <see cref="Absent"/> to store a negative entry,
/// or <see cref="Miss"/> to store nothing. <see cref="Ttl"/> overrides the region's TTL when set.
/// </summary>
public readonly record struct CacheLookup<T>(CacheLookupKind Kind, T? Value, TimeSpan? Ttl = null)
{
    public static CacheLookup<T> Miss => new(CacheLookupKind.Miss, default);

    public bool IsHit => Kind == CacheLookupKind.Hit;

    public bool IsNegative => Kind == CacheLookupKind.Negative;

    public static CacheLookup<T> Found(T value, TimeSpan? ttl = null) => new(CacheLookupKind.Hit, value, ttl);

    public static CacheLookup<T> Absent(TimeSpan? ttl = null) => new(CacheLookupKind.Negative, default, ttl);
}

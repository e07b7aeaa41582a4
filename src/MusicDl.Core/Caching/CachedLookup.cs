namespace MusicDl.Caching;

/// <summary>
/// The cache in front of an optional lookup service (lyrics, MusicBrainz ids): what it finds and "none found" (a
/// negative entry, kept the region's negative TTL) are remembered per key, so a re-run asks the service nothing it has
/// seen; a failure (an exception) is remembered not at all, so the next run asks again.
/// </summary>
public sealed class CachedLookup<TQuery, TValue>(ICacheRegion<TValue> region, Func<TQuery, string> key, Func<TQuery, CancellationToken, Task<TValue?>> find)
    where TQuery : class
    where TValue : class
{
    public async Task<TValue?> GetAsync(TQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var lookup = await region.GetOrCreateAsync(
            key(query),
            async ct => await find(query, ct).ConfigureAwait(false) is { } found ? CacheLookup<TValue>.Found(found) : CacheLookup<TValue>.Absent(),
            cancellationToken).ConfigureAwait(false);
        return lookup.IsHit ? lookup.Value : null;
    }
}

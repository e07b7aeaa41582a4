using MusicDl.Caching;

namespace MusicDl.YouTube.Visitor;

/// <summary>Visitor data through the <c>visitor_data</c> cache region: one fetch per few hours, not per run.</summary>
public sealed class CachingVisitorDataSource : IVisitorDataSource
{
    private const string Key = "visitor_data";

    private readonly IVisitorDataSource _inner;
    private readonly ICacheRegion<CachedVisitorData> _region;
    private readonly TimeSpan _ttl;

    public CachingVisitorDataSource(IVisitorDataSource inner, ICache cache, TimeSpan? ttl = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(cache);
        _inner = inner;
        _region = cache.Region(CacheRegions.VisitorData, VisitorJsonContext.Default.CachedVisitorData);
        _ttl = ttl ?? CacheRegionDefaults.VisitorDataTtl;
    }

    public async Task<string> FetchAsync(CancellationToken cancellationToken = default)
    {
        var lookup = await _region.GetOrCreateAsync(
            Key,
            async ct => CacheLookup<CachedVisitorData>.Found(new CachedVisitorData(await _inner.FetchAsync(ct)), _ttl),
            cancellationToken);
        return lookup is { IsHit: true, Value.Value: { Length: > 0 } value } ? value : await _inner.FetchAsync(cancellationToken);
    }
}

using MusicDl.Caching;

namespace MusicDl.YouTube.Visitor;

/// <summary>Visitor data through the <c>visitor_data</c> cache region: one fetch per few hours, not per run.</summary>
public sealed class CachingVisitorDataSource(IVisitorDataSource inner, ICacheRegion region, TimeSpan? ttl = null) : IVisitorDataSource
{
    private const string Key = "visitor_data";

    public async Task<string> FetchAsync(CancellationToken cancellationToken = default)
    {
        var lookup = await region.GetOrCreateAsync(
            Key,
            VisitorJsonContext.Default.CachedVisitorData,
            async ct => CacheLookup<CachedVisitorData>.Found(new CachedVisitorData(await inner.FetchAsync(ct)), ttl ?? CacheRegionDefaults.VisitorDataTtl),
            cancellationToken);
        return lookup is { IsHit: true, Value.Value: { Length: > 0 } value } ? value : await inner.FetchAsync(cancellationToken);
    }
}

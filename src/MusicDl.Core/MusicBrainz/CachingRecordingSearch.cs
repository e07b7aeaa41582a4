using MusicDl.Caching;

namespace MusicDl.MusicBrainz;

/// <summary>The recording search behind the <c>musicbrainz</c> region: found and "none found" remembered per title, artist and length.</summary>
public sealed class CachingRecordingSearch(IRecordingSearch inner, ICache cache) : IRecordingSearch
{
    private readonly CachedLookup<RecordingSearch, RecordingDetails> _lookup = new(
        cache.Region(CacheRegions.MusicBrainz, MusicBrainzJsonContext.Default.RecordingDetails),
        q => CacheKey.Join("search", CacheKey.Folded(q.Title), CacheKey.Folded(q.Artist), CacheKey.Seconds(q.Duration)),
        inner.SearchAsync);

    public Task<RecordingDetails?> SearchAsync(RecordingSearch query, CancellationToken cancellationToken = default) => _lookup.GetAsync(query, cancellationToken);
}

using MusicDl.Caching;

namespace MusicDl.MusicBrainz;

/// <summary>
/// The MusicBrainz source behind the <c>musicbrainz</c> region: ids and "none found" are remembered (see
/// <see cref="CachedLookup{TQuery, TValue}"/>) per ISRC, length, album and whether genres were asked.
/// </summary>
public sealed class CachingMusicBrainzSource(IMusicBrainzSource inner, ICache cache) : IMusicBrainzSource
{
    private readonly CachedLookup<MusicBrainzQuery, MusicBrainzIds> _lookup = new(
        cache.Region(CacheRegions.MusicBrainz, MusicBrainzJsonContext.Default.MusicBrainzIds),
        q => CacheKey.Join("isrc", CacheKey.Folded(q.Isrc.Trim()), CacheKey.Seconds(q.Duration), CacheKey.Folded(q.Album), q.WithGenres ? "genres" : "-"),
        inner.LookupAsync);

    public Task<MusicBrainzIds?> LookupAsync(MusicBrainzQuery query, CancellationToken cancellationToken = default) => _lookup.GetAsync(query, cancellationToken);
}

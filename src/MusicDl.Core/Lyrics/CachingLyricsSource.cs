using MusicDl.Caching;

namespace MusicDl.Lyrics;

/// <summary>
/// The lyrics source behind the <c>lyrics</c> region: found lyrics and "none found" are remembered (see
/// <see cref="CachedLookup{TQuery, TValue}"/>), so a re-run asks LRCLIB nothing for a track it has seen.
/// </summary>
public sealed class CachingLyricsSource(ILyricsSource inner, ICache cache) : ILyricsSource
{
    private readonly CachedLookup<LyricsQuery, TrackLyrics> _lookup = new(
        cache.Region(CacheRegions.Lyrics, LyricsJsonContext.Default.TrackLyrics),
        q => CacheKey.Join("lrclib", CacheKey.Folded(q.Artist), CacheKey.Folded(q.Title), CacheKey.Folded(q.Album), CacheKey.Seconds(q.Duration)),
        inner.FindAsync);

    public Task<TrackLyrics?> FindAsync(LyricsQuery query, CancellationToken cancellationToken = default) => _lookup.GetAsync(query, cancellationToken);
}

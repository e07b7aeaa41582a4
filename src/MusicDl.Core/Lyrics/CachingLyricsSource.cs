using System.Globalization;
using MusicDl.Caching;

namespace MusicDl.Lyrics;

/// <summary>
/// The lyrics source behind the <c>lyrics</c> region: found lyrics and "none found" (a negative entry) are
/// remembered, so a re-run asks LRCLIB nothing for a track it has seen; a service failure is remembered not at all.
/// </summary>
public sealed class CachingLyricsSource(ILyricsSource inner, ICache cache) : ILyricsSource
{
    private readonly ICacheRegion<TrackLyrics> _region = cache.Region(CacheRegions.Lyrics, LyricsJsonContext.Default.TrackLyrics);

    public async Task<TrackLyrics?> FindAsync(LyricsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var lookup = await _region.GetOrCreateAsync(
            Key(query),
            async ct => await inner.FindAsync(query, ct) is { } found ? CacheLookup<TrackLyrics>.Found(found) : CacheLookup<TrackLyrics>.Absent(),
            cancellationToken);
        return lookup.IsHit ? lookup.Value : null;
    }

    private static string Key(LyricsQuery q) => string.Join(
        '\u001f',
        "lrclib",
        q.Artist.ToUpperInvariant(),
        q.Title.ToUpperInvariant(),
        (q.Album ?? string.Empty).ToUpperInvariant(),
        ((int)Math.Round(q.Duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
}

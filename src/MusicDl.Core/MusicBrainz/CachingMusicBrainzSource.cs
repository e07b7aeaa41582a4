using System.Globalization;
using MusicDl.Caching;

namespace MusicDl.MusicBrainz;

/// <summary>
/// The MusicBrainz source behind the <c>musicbrainz</c> region: ids and "none found" (a negative entry) are
/// remembered per ISRC, length, album and whether genres were asked; a service failure is remembered not at all.
/// </summary>
public sealed class CachingMusicBrainzSource(IMusicBrainzSource inner, ICache cache) : IMusicBrainzSource
{
    private readonly ICacheRegion<MusicBrainzIds> _region = cache.Region(CacheRegions.MusicBrainz, MusicBrainzJsonContext.Default.MusicBrainzIds);

    public async Task<MusicBrainzIds?> LookupAsync(MusicBrainzQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var lookup = await _region.GetOrCreateAsync(
            Key(query),
            async ct => await inner.LookupAsync(query, ct) is { } ids ? CacheLookup<MusicBrainzIds>.Found(ids) : CacheLookup<MusicBrainzIds>.Absent(),
            cancellationToken);
        return lookup.IsHit ? lookup.Value : null;
    }

    private static string Key(MusicBrainzQuery q) => string.Join(
        '\u001f',
        "isrc",
        q.Isrc.Trim().ToUpperInvariant(),
        ((int)Math.Round(q.Duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
        (q.Album ?? string.Empty).ToUpperInvariant(),
        q.WithGenres ? "genres" : "-");
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MusicDl.Lyrics;
using MusicDl.Models;
using MusicDl.MusicBrainz;

namespace MusicDl.Downloading;

/// <summary>
/// Asks the optional services about a track: LRCLIB for lyrics (first artist, the Spotify title as given, album,
/// length) and MusicBrainz for ids by ISRC (with genres when Spotify gave none). A service that cannot answer costs
/// the track nothing but that service's tags: it is logged and listed in <see cref="TrackExtras.Missing"/>.
/// </summary>
public sealed class TrackExtrasSource(ILyricsSource? lyrics, IMusicBrainzSource? musicBrainz, ILogger? logger = null)
{
    private readonly ILogger _log = logger ?? NullLogger.Instance;

    public bool AsksAnything => lyrics is not null || musicBrainz is not null;

    public async Task<TrackExtras> GetAsync(Track track, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        var missing = new List<string>();
        TrackLyrics? found = null;
        MusicBrainzIds? ids = null;
        if (lyrics is not null && track.Artists.Count > 0 && track.DurationMs > 0)
        {
            try
            {
                found = await lyrics.FindAsync(new LyricsQuery(track.Title, track.FirstArtist, track.Album.Name, track.Duration), cancellationToken);
            }
            catch (LyricsServiceException ex)
            {
                _log.LogWarning("{Artist} - {Title}: no lyrics this time, {Reason}", track.FirstArtist, track.Title, ex.Message);
                missing.Add("lyrics");
            }
        }

        if (musicBrainz is not null && !string.IsNullOrWhiteSpace(track.Isrc))
        {
            try
            {
                var wantGenres = track.Genres.Count == 0 && track.Album.Genres.Count == 0;
                ids = await musicBrainz.LookupAsync(new MusicBrainzQuery(track.Isrc, track.Duration, track.Album.Name, wantGenres), cancellationToken);
            }
            catch (MusicBrainzServiceException ex)
            {
                _log.LogWarning("{Artist} - {Title}: no MusicBrainz ids this time, {Reason}", track.FirstArtist, track.Title, ex.Message);
                missing.Add("musicbrainz");
            }
        }

        return new TrackExtras(found, ids, missing);
    }
}

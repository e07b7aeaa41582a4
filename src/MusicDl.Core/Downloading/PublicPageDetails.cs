using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MusicDl.Http;
using MusicDl.Models;
using MusicDl.MusicBrainz;

namespace MusicDl.Downloading;

/// <summary>
/// Fills what a public page leaves out of a track (ISRC, album, date, track and disc number) from MusicBrainz's
/// recording search (title, first artist, length within 3 s), when <c>musicbrainz: true</c>. Only empty values are
/// filled, and only from a recording found: nothing is invented. MusicBrainz failing costs the track nothing; it is
/// said once for the run (by the service's health record).
/// </summary>
public sealed class PublicPageDetails(IRecordingSearch search, ILogger? logger = null)
{
    private readonly ILogger _log = logger ?? NullLogger.Instance;
    private int _warned;

    public async Task<Track> FillAsync(Track track, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        if (!track.FromPublicPage || (track.Isrc is not null && track.Album.Name.Length > 0 && track.TrackNumber > 0)
            || track.Artists.Count == 0 || track.DurationMs <= 0)
        {
            return track;
        }

        RecordingDetails? found;
        try
        {
            found = await search.SearchAsync(new RecordingSearch(track.Title, track.FirstArtist, track.Duration), cancellationToken);
        }
        catch (ServiceException ex)
        {
            // The run's one line about a MusicBrainz that is down comes from its health record; here only detail.
            if (Interlocked.Exchange(ref _warned, 1) == 0)
            {
                _log.LogDebug("MusicBrainz's recording search failed ({Reason}): tracks read from public pages keep what the pages and YouTube give", ex.Message);
            }

            return track;
        }

        if (found is null)
        {
            return track;
        }

        var numbered = track.TrackNumber <= 0 && found.TrackNumber is > 0;
        return track with
        {
            Isrc = track.Isrc ?? found.Isrc,
            TrackNumber = numbered ? found.TrackNumber!.Value : track.TrackNumber,
            DiscNumber = numbered ? found.DiscNumber ?? 1 : track.DiscNumber,
            Album = track.Album with
            {
                Name = track.Album.Name.Length > 0 ? track.Album.Name : found.Album ?? string.Empty,
                ReleaseDate = track.Album.ReleaseDate ?? found.ReleaseDate,
                TotalTracks = track.Album.TotalTracks ?? (numbered ? found.TrackCount : null),
            },
        };
    }
}

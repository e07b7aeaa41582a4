using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MusicDl.Http;
using MusicDl.Library;
using MusicDl.Lyrics;
using MusicDl.Models;
using MusicDl.MusicBrainz;

namespace MusicDl.Downloading;

/// <summary>
/// Asks the optional services about a track: LRCLIB for lyrics (first artist, the Spotify title as given, album,
/// length) and MusicBrainz for ids by ISRC (with genres when Spotify gave none), both at once. A service that cannot
/// answer costs the track nothing but that service's tags: they are listed in <see cref="TrackExtras.Missing"/> (the
/// run sums them up in one line per service, see <c>ServiceHealth</c>; the track's own reason is logged at debug).
/// </summary>
/// <param name="probes">The services' cheap requests (<see cref="IServiceProbe"/>), sent by <see cref="ProbeAsync"/>.</param>
public sealed class TrackExtrasSource(ILyricsSource? lyrics, IMusicBrainzSource? musicBrainz, ILogger? logger = null, IReadOnlyList<IServiceProbe>? probes = null)
{
    private readonly ILogger _log = logger ?? NullLogger.Instance;

    public bool AsksAnything => lyrics is not null || musicBrainz is not null;

    /// <summary>
    /// Asks each service whose part some file of the library still lacks (<paramref name="backlog"/>) its one cheap
    /// request, all at once, as a retry of that backlog (<see cref="ServiceHealth.RetryingBacklogOf"/>): a service that
    /// fails it is down for the run at once, and its backlog is skipped without a request or a wait. Until the answer
    /// comes, the tracks' own requests to that service wait for it (the health record lets one through at a time).
    /// Never throws for a service's failure.
    /// </summary>
    public Task ProbeAsync(IReadOnlySet<string> backlog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(backlog);
        return Task.WhenAll((probes ?? []).Where(p => backlog.Contains(p.Health.Part)).Select(p => ProbeOneAsync(p, cancellationToken)));
    }

    /// <summary>
    /// How long a probe waits for its answer: the backlog's re-tags wait for the verdict, so a service that does not
    /// answer a cheap request this quickly is down for this run and its backlog waits for a later one (a healthy
    /// LRCLIB or MusicBrainz answers in well under a second; a black hole would otherwise cost the run a whole
    /// request_timeout).
    /// </summary>
    public static readonly TimeSpan ProbePatience = TimeSpan.FromSeconds(1.5);

    private async Task ProbeOneAsync(IServiceProbe probe, CancellationToken cancellationToken)
    {
        using var retrying = ServiceHealth.RetryingBacklogOf([probe.Health.Part]);
        using var patience = ServiceEdge.WithPatience(ProbePatience);
        try
        {
            await probe.ProbeAsync(cancellationToken);
            _log.LogDebug("{Service} answered: the files lacking its {Part} are retried", probe.Health.Service, probe.Health.Part);
        }
        catch (ServiceException ex)
        {
            _log.LogDebug("{Service} asked once before its backlog: {Reason}", probe.Health.Service, ex.Message);
        }
    }

    public async Task<TrackExtras> GetAsync(Track track, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);

        // At once: a service that does not answer costs the track one request_timeout, not one per service.
        var lyricsTask = FindLyricsAsync(track, cancellationToken);
        var idsTask = LookupIdsAsync(track, cancellationToken);
        await Task.WhenAll(lyricsTask, idsTask);
        var (found, lyricsMissing) = await lyricsTask;
        var (ids, idsMissing) = await idsTask;
        var missing = new List<string>(2);
        if (lyricsMissing)
        {
            missing.Add(FileParts.Lyrics);
        }

        if (idsMissing)
        {
            missing.Add(FileParts.MusicBrainz);
        }

        return new TrackExtras(found, ids, missing);
    }

    private async Task<(TrackLyrics? Found, bool Missing)> FindLyricsAsync(Track track, CancellationToken cancellationToken)
    {
        if (lyrics is null || track.Artists.Count == 0 || track.DurationMs <= 0)
        {
            return (null, false);
        }

        try
        {
            return (await lyrics.FindAsync(new LyricsQuery(track.Title, track.FirstArtist, track.Album.Name, track.Duration), cancellationToken), false);
        }
        catch (ServiceException ex)
        {
            _log.LogDebug("{Artist} - {Title}: no lyrics this time, {Reason}", track.FirstArtist, track.Title, ex.Message);
            return (null, true);
        }
    }

    private async Task<(MusicBrainzIds? Ids, bool Missing)> LookupIdsAsync(Track track, CancellationToken cancellationToken)
    {
        if (musicBrainz is null || string.IsNullOrWhiteSpace(track.Isrc))
        {
            return (null, false);
        }

        try
        {
            var wantGenres = track.Genres.Count == 0 && track.Album.Genres.Count == 0;
            return (await musicBrainz.LookupAsync(new MusicBrainzQuery(track.Isrc, track.Duration, track.Album.Name, wantGenres), cancellationToken), false);
        }
        catch (ServiceException ex)
        {
            _log.LogDebug("{Artist} - {Title}: no MusicBrainz ids this time, {Reason}", track.FirstArtist, track.Title, ex.Message);
            return (null, true);
        }
    }
}

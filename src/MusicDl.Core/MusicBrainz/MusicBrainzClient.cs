using MusicDl.Configuration;
using MusicDl.Http;

namespace MusicDl.MusicBrainz;

/// <summary>
/// The MusicBrainz facade: looks a track up by ISRC, keeps the recording within 3 s of the track's length (the
/// closest), and among its releases the one titled like the Spotify album (official first, then the earliest).
/// Genres, when asked, come from the recording, else from the chosen release group: the most-voted few.
/// </summary>
public sealed class MusicBrainzClient : IMusicBrainzSource, IRecordingSearch, IServiceProbe
{
    public static readonly TimeSpan LengthTolerance = TimeSpan.FromSeconds(3);

    /// <summary>How many genres a track gets at most.</summary>
    public const int GenreCount = 3;

    /// <summary>An ISRC no recording has (as the doctor's check): a 404 is the web service answering.</summary>
    public const string ProbeIsrc = "ZZ0000000000";

    private readonly MusicBrainzController _controller;
    private readonly ServiceHealth _health;

    /// <param name="http">The run's shared client (<c>OutboundHttp</c>), whose handler bounds each request by <c>request_timeout</c>.</param>
    /// <param name="baseUri">The web service's base URL.</param>
    /// <param name="time">The clock the one-a-second pacing waits on.</param>
    /// <param name="health">The run's record of MusicBrainz (<see cref="Health"/>); a fresh one when not given.</param>
    public MusicBrainzClient(HttpClient http, Uri baseUri, TimeProvider? time = null, ServiceHealth? health = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(baseUri);
        _health = health ?? Health();
        _controller = new MusicBrainzController(MusicBrainzController.Edge(http, time ?? TimeProvider.System, _health), baseUri);
    }

    public MusicBrainzClient(HttpClient http, MusicDlSettings settings, TimeProvider? time = null, ServiceHealth? health = null)
        : this(http, (settings ?? throw new ArgumentNullException(nameof(settings))).Endpoints.MusicBrainz, time, health)
    {
    }

    /// <summary>A new record of MusicBrainz for one run: once down, no ids are asked for.</summary>
    public static ServiceHealth Health() => new("MusicBrainz", "musicbrainz", "MusicBrainz ids");

    public long RequestCount => _controller.RequestCount;

    /// <summary>The run's record of MusicBrainz this client reports to.</summary>
    ServiceHealth IServiceProbe.Health => _health;

    /// <summary>The ISRC look-up of <see cref="ProbeIsrc"/>: one paced request, answered with a 404.</summary>
    public Task ProbeAsync(CancellationToken cancellationToken) => _controller.GetIsrcAsync(ProbeIsrc, withGenres: false, cancellationToken);

    public async Task<MusicBrainzIds?> LookupAsync(MusicBrainzQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(query.Isrc);
        var recordings = await _controller.GetIsrcAsync(query.Isrc.Trim().ToUpperInvariant(), query.WithGenres, cancellationToken);
        var recording = recordings?
            .Where(r => r.LengthMs is { } ms && Math.Abs(ms - query.Duration.TotalMilliseconds) <= LengthTolerance.TotalMilliseconds)
            .OrderBy(r => Math.Abs(r.LengthMs!.Value - query.Duration.TotalMilliseconds))
            .FirstOrDefault();
        if (recording is null)
        {
            return null;
        }

        var release = ChooseRelease(recording.Releases, query.Album);
        IReadOnlyList<string> genres = [];
        if (query.WithGenres)
        {
            var votes = recording.Genres;
            if (votes.Count == 0 && release?.ReleaseGroupId is { } group)
            {
                votes = await _controller.GetReleaseGroupGenresAsync(group, cancellationToken) ?? [];
            }

            genres = MostVoted(votes);
        }

        return new MusicBrainzIds
        {
            RecordingId = recording.Id,
            ReleaseId = release?.Id,
            ReleaseGroupId = release?.ReleaseGroupId,
            ArtistIds = recording.ArtistIds,
            AlbumArtistIds = release?.ArtistIds ?? [],
            Genres = genres,
        };
    }

    /// <summary>
    /// The recording titled and credited as the track (case, spacing and quotes aside) closest to its length within
    /// 3 s; among its releases an official one, albums before compilations, then the earliest.
    /// </summary>
    public async Task<RecordingDetails?> SearchAsync(RecordingSearch query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var ms = (int)query.Duration.TotalMilliseconds;
        var hits = await _controller.SearchRecordingsAsync(query.Title, query.Artist, ms, cancellationToken);
        var title = Fold(query.Title);
        var artist = Fold(query.Artist);
        var hit = hits?
            .Where(h => h.Title is not null && Fold(h.Title) == title
                && h.ArtistNames.Any(a => Fold(a) == artist)
                && h.LengthMs is { } length && Math.Abs(length - ms) <= LengthTolerance.TotalMilliseconds)
            .OrderBy(h => Math.Abs(h.LengthMs!.Value - ms))
            .FirstOrDefault();
        if (hit is null)
        {
            return null;
        }

        var release = hit.Releases
            .OrderByDescending(r => string.Equals(r.Status, "Official", StringComparison.OrdinalIgnoreCase))
            .ThenByDescending(r => string.Equals(r.PrimaryType, "Album", StringComparison.OrdinalIgnoreCase))
            .ThenBy(r => string.IsNullOrEmpty(r.Date) ? "9999" : r.Date, StringComparer.Ordinal)
            .FirstOrDefault();
        return new RecordingDetails
        {
            RecordingId = hit.Id,
            Isrc = hit.Isrcs.Select(i => i.Trim().ToUpperInvariant()).FirstOrDefault(IsIsrc),
            ArtistIds = hit.ArtistIds,
            ReleaseId = release?.Id,
            ReleaseGroupId = release?.ReleaseGroupId,
            Album = release?.Title,
            ReleaseDate = release?.Date,
            TrackNumber = release?.TrackNumber,
            TrackCount = release?.TrackCount,
            DiscNumber = release?.DiscNumber,
        };
    }

    // CC-XXX-YY-NNNNN without the dashes: what an ISRC tag and the ISRC search take, nothing else.
    private static bool IsIsrc(string text) =>
        text.Length == 12 && char.IsAsciiLetterUpper(text[0]) && char.IsAsciiLetterUpper(text[1])
        && text.AsSpan(2, 3).ToString().All(char.IsAsciiLetterOrDigit) && text.AsSpan(5).ToString().All(char.IsAsciiDigit);

    private static MbRelease? ChooseRelease(IReadOnlyList<MbRelease> releases, string? album)
    {
        if (string.IsNullOrWhiteSpace(album))
        {
            return null;
        }

        var wanted = Fold(album);
        return releases
            .Where(r => r.Title is not null && Fold(r.Title) == wanted)
            .OrderByDescending(r => string.Equals(r.Status, "Official", StringComparison.OrdinalIgnoreCase))
            .ThenBy(r => string.IsNullOrEmpty(r.Date) ? "9999" : r.Date, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private static IReadOnlyList<string> MostVoted(IReadOnlyList<MbGenre> genres) =>
        genres.Where(g => g.Count > 0)
            .OrderByDescending(g => g.Count)
            .ThenBy(g => g.Name, StringComparer.Ordinal)
            .Take(GenreCount)
            .Select(g => g.Name)
            .ToArray();

    // Titles differ in case, spacing and typographic quotes more than in words.
    private static string Fold(string title) =>
        string.Join(' ', title.Replace('\u2019', '\'').Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}

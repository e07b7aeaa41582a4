using MusicDl.Configuration;
using MusicDl.Http;

namespace MusicDl.Lyrics;

/// <summary>
/// The LRCLIB facade. Asks <c>get</c> with the Spotify title as given (LRCLIB matches the duration within about
/// 2 s), then <c>search</c> taking the first record within 2 s of the track; then the same with a cleaned title
/// (<see cref="TitleCleaner"/>) when that differs.
/// </summary>
public sealed class LrclibClient : ILyricsSource, IServiceProbe
{
    /// <summary>How far a search record's duration may be from the track's.</summary>
    public static readonly TimeSpan DurationTolerance = TimeSpan.FromSeconds(2);

    private readonly LrclibController _controller;
    private readonly ServiceHealth _health;

    /// <param name="http">The run's client (<c>OutboundHttp</c>), whose handler bounds each request by <c>request_timeout</c>.</param>
    /// <param name="baseUri">LRCLIB's base URL.</param>
    /// <param name="health">The run's record of LRCLIB (<see cref="Health"/>); a fresh one when not given.</param>
    /// <param name="time">The run's clock (a probe's patience runs on it); the system's when not given.</param>
    public LrclibClient(HttpClient http, Uri baseUri, ServiceHealth? health = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(baseUri);
        _health = health ?? Health();
        _controller = new LrclibController(Edge(http, _health, time), baseUri);
    }

    /// <summary>
    /// LRCLIB's edge: no retry (an optional service; its health record stops the run asking), one failure type.
    /// </summary>
    public static ServiceEdge Edge(HttpClient http, ServiceHealth health, TimeProvider? time = null) => new("LRCLIB", http, time ?? TimeProvider.System, RetryPlan.None, health: health);

    public LrclibClient(HttpClient http, MusicDlSettings settings, ServiceHealth? health = null, TimeProvider? time = null)
        : this(http, (settings ?? throw new ArgumentNullException(nameof(settings))).Endpoints.Lrclib, health, time)
    {
    }

    /// <summary>A new record of LRCLIB for one run: once down, lyrics are not asked for.</summary>
    public static ServiceHealth Health() => new("LRCLIB", "lyrics", "lyrics");

    /// <summary>Requests sent (for the run summary and the tests).</summary>
    public long RequestCount => _controller.RequestCount;

    /// <summary>The run's record of LRCLIB this client reports to.</summary>
    ServiceHealth IServiceProbe.Health => _health;

    /// <summary>A search that matches nothing (as the doctor's check): cheap for LRCLIB, where a get may look further afield.</summary>
    public Task ProbeAsync(CancellationToken cancellationToken) => _controller.SearchAsync("musicdl probe", "musicdl", cancellationToken);

    public async Task<TrackLyrics?> FindAsync(LyricsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var found = await FindAsync(query.Title, query, cancellationToken);
        var cleaned = TitleCleaner.Clean(query.Title);
        if (found is null && cleaned.Length > 0 && !string.Equals(cleaned, query.Title, StringComparison.Ordinal))
        {
            found = await FindAsync(cleaned, query, cancellationToken);
        }

        return found is null ? null : TrackLyrics.From(found);
    }

    private async Task<LyricsRecord?> FindAsync(string title, LyricsQuery query, CancellationToken cancellationToken)
    {
        var seconds = (int)Math.Round(query.Duration.TotalSeconds, MidpointRounding.AwayFromZero);
        var exact = await _controller.GetAsync(title, query.Artist, query.Album, seconds, cancellationToken);
        if (exact is not null)
        {
            return exact;
        }

        var candidates = await _controller.SearchAsync(title, query.Artist, cancellationToken);
        return candidates
            .Where(r => r.Duration is { } d && Math.Abs(d - query.Duration.TotalSeconds) <= DurationTolerance.TotalSeconds)
            .OrderByDescending(r => r.SyncedLyrics is not null)
            .ThenBy(r => Math.Abs(r.Duration!.Value - query.Duration.TotalSeconds))
            .FirstOrDefault();
    }
}

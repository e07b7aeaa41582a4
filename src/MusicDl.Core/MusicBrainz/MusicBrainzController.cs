using MusicDl.Configuration;
using MusicDl.Http;

namespace MusicDl.MusicBrainz;

/// <summary>
/// The raw web-service calls with musicdl's User-Agent, through MusicBrainz's edge: paced one a second across threads,
/// and a 503 (MusicBrainz's "slow down") waited out (its Retry-After, else the pacing interval) a few times.
/// </summary>
internal sealed class MusicBrainzController(ServiceEdge edge, Uri baseUri)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>How often a 503 is waited out before the request fails.</summary>
    public const int Max503Retries = 3;

    /// <summary>The longest Retry-After waited.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

    private readonly JsonServiceClient _service = new(edge, baseUri, ProductInfo.UserAgent);

    public long RequestCount => _service.RequestCount;

    /// <summary>
    /// MusicBrainz's edge: one request a second; only its "slow down" (503) is waited out and tried again (a refused
    /// connection, a timeout or another status goes to the health record, which stops the run asking).
    /// </summary>
    public static ServiceEdge Edge(HttpClient http, TimeProvider time, ServiceHealth health) => new(
        "MusicBrainz",
        http,
        time,
        new RetryPlan(Max503Retries, Interval, MaxRetryAfter),
        new RequestPacer(1, Interval, time),
        health,
        retryOn: failure => failure.Status == System.Net.HttpStatusCode.ServiceUnavailable);

    /// <summary>The recordings of an ISRC, or null when MusicBrainz does not know it (404).</summary>
    public Task<IReadOnlyList<MbRecording>?> GetIsrcAsync(string isrc, bool withGenres, CancellationToken cancellationToken) =>
        _service.GetAsync(
            $"/ws/2/isrc/{Uri.EscapeDataString(isrc)}?fmt=json&inc=artist-credits+releases" + (withGenres ? "+genres" : string.Empty),
            MusicBrainzJson.ReadIsrc,
            cancellationToken);

    /// <summary>
    /// Recordings titled <paramref name="title"/> by <paramref name="artist"/> within 3 s of <paramref name="lengthMs"/>
    /// (the search syntax is Lucene's: phrases quoted, quotes and backslashes escaped).
    /// </summary>
    public Task<IReadOnlyList<MbSearchHit>?> SearchRecordingsAsync(string title, string artist, int lengthMs, CancellationToken cancellationToken)
    {
        var query = $"recording:\"{Phrase(title)}\" AND artist:\"{Phrase(artist)}\" AND dur:[{Math.Max(0, lengthMs - 3000)} TO {lengthMs + 3000}]";
        return _service.GetAsync($"/ws/2/recording?query={Uri.EscapeDataString(query)}&limit=10&fmt=json", MusicBrainzJson.ReadSearch, cancellationToken);
    }

    private static string Phrase(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    /// <summary>A release group's genres, or null when it is unknown.</summary>
    public Task<IReadOnlyList<MbGenre>?> GetReleaseGroupGenresAsync(string id, CancellationToken cancellationToken) =>
        _service.GetAsync($"/ws/2/release-group/{Uri.EscapeDataString(id)}?fmt=json&inc=genres", MusicBrainzJson.ReadGenres, cancellationToken);
}

using System.Net;
using System.Text.Json;
using MusicDl.Configuration;
using MusicDl.Http;

namespace MusicDl.MusicBrainz;

/// <summary>
/// The raw web-service calls, paced one a second across threads, with musicdl's User-Agent and bounded by the shared
/// client's <c>request_timeout</c>. A 503 (MusicBrainz's "slow down") is answered by waiting (its Retry-After, else the
/// pacing interval) and asking again a few times.
/// </summary>
internal sealed class MusicBrainzController(HttpClient http, Uri baseUri, TimeProvider time, ServiceHealth health)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private const int Max503Retries = 3;
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

    private readonly JsonServiceClient _service = new(http, baseUri, "MusicBrainz", ProductInfo.UserAgent, (m, ex) => new MusicBrainzServiceException(m, ex), health);
    private readonly RequestPacer _pacer = new(1, Interval, time);

    public long RequestCount => _service.RequestCount;

    /// <summary>The recordings of an ISRC, or null when MusicBrainz does not know it (404).</summary>
    public Task<IReadOnlyList<MbRecording>?> GetIsrcAsync(string isrc, bool withGenres, CancellationToken cancellationToken) =>
        SendAsync(
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
        return SendAsync($"/ws/2/recording?query={Uri.EscapeDataString(query)}&limit=10&fmt=json", MusicBrainzJson.ReadSearch, cancellationToken);
    }

    private static string Phrase(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    /// <summary>A release group's genres, or null when it is unknown.</summary>
    public Task<IReadOnlyList<MbGenre>?> GetReleaseGroupGenresAsync(string id, CancellationToken cancellationToken) =>
        SendAsync($"/ws/2/release-group/{Uri.EscapeDataString(id)}?fmt=json&inc=genres", MusicBrainzJson.ReadGenres, cancellationToken);

    private async Task<T?> SendAsync<T>(string pathAndQuery, Func<JsonElement, T> read, CancellationToken cancellationToken)
        where T : class
    {
        for (var attempt = 0; ; attempt++)
        {
            // Paced inside: a MusicBrainz that is down is not waited for (the pacing would cost a second a track).
            var answer = await _service.GetAsync(pathAndQuery, read, cancellationToken, handledByCaller: HttpStatusCode.ServiceUnavailable, pacer: _pacer);
            if (answer.Status != HttpStatusCode.ServiceUnavailable)
            {
                return answer.Value;
            }

            if (attempt >= Max503Retries)
            {
                throw _service.Failure($"MusicBrainz still answered 503 (slow down) after {Max503Retries} waits");
            }

            var wait = answer.RetryAfter ?? Interval;
            _pacer.Defer(wait > MaxRetryAfter ? MaxRetryAfter : wait);
        }
    }
}

using System.Globalization;
using System.Net;
using System.Text.Json;
using MusicDl.Configuration;

namespace MusicDl.MusicBrainz;

/// <summary>
/// The raw web-service calls, paced one a second across threads, with musicdl's User-Agent. A 503 (MusicBrainz's
/// "slow down") is answered by waiting (its Retry-After, else the pacing interval) and asking again a few times.
/// </summary>
internal sealed class MusicBrainzController(HttpClient http, Uri baseUri, TimeSpan requestTimeout, TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private const int Max503Retries = 3;
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

    private readonly string _base = baseUri.AbsoluteUri.TrimEnd('/');
    private readonly RequestPacer _pacer = new(Interval, time);
    private long _requests;

    public long RequestCount => Interlocked.Read(ref _requests);

    /// <summary>The recordings of an ISRC, or null when MusicBrainz does not know it (404).</summary>
    public Task<IReadOnlyList<MbRecording>?> GetIsrcAsync(string isrc, bool withGenres, CancellationToken cancellationToken) =>
        SendAsync(
            $"/ws/2/isrc/{Uri.EscapeDataString(isrc)}?fmt=json&inc=artist-credits+releases" + (withGenres ? "+genres" : string.Empty),
            MusicBrainzJson.ReadIsrc,
            cancellationToken);

    /// <summary>A release group's genres, or null when it is unknown.</summary>
    public Task<IReadOnlyList<MbGenre>?> GetReleaseGroupGenresAsync(string id, CancellationToken cancellationToken) =>
        SendAsync($"/ws/2/release-group/{Uri.EscapeDataString(id)}?fmt=json&inc=genres", MusicBrainzJson.ReadGenres, cancellationToken);

    private async Task<T?> SendAsync<T>(string pathAndQuery, Func<JsonElement, T> read, CancellationToken cancellationToken)
        where T : class
    {
        var uri = new Uri(_base + pathAndQuery);
        for (var attempt = 0; ; attempt++)
        {
            await _pacer.WaitTurnAsync(cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.TryAddWithoutValidation("User-Agent", ProductInfo.UserAgent);
            request.Headers.TryAddWithoutValidation("Accept", "application/json");
            using var limit = new CancellationTokenSource(requestTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
            Interlocked.Increment(ref _requests);
            try
            {
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    return null;
                }

                if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    if (attempt >= Max503Retries)
                    {
                        throw new MusicBrainzServiceException($"MusicBrainz still answered 503 (slow down) after {Max503Retries} waits");
                    }

                    var wait = RetryAfter(response) ?? Interval;
                    _pacer.Hold(wait > MaxRetryAfter ? MaxRetryAfter : wait);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new MusicBrainzServiceException($"MusicBrainz answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
                }

                await using var body = await response.Content.ReadAsStreamAsync(linked.Token);
                using var doc = await JsonDocument.ParseAsync(body, default, linked.Token);
                return read(doc.RootElement);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new MusicBrainzServiceException($"MusicBrainz did not answer within {requestTimeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s", ex);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                throw new MusicBrainzServiceException($"MusicBrainz could not be reached: {ex.Message}", ex);
            }
            catch (JsonException ex)
            {
                throw new MusicBrainzServiceException($"MusicBrainz's answer is not the JSON it documents: {ex.Message}", ex);
            }
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta is { } delta && delta > TimeSpan.Zero ? delta : null;
}

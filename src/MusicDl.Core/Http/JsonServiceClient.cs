using System.Net;
using System.Text.Json;

namespace MusicDl.Http;

/// <summary>
/// GETs from an open JSON web service (LRCLIB, MusicBrainz) as those services ask to be called: a User-Agent naming the
/// application, JSON accepted. Classifies every answer the same way for each such client: a 404 is "none", a status the
/// caller handles itself comes back as it is, and anything else that is not a JSON success (no answer within
/// <c>request_timeout</c>, which the shared client's <see cref="RequestTimeoutHandler"/> enforces, refused, an HTTP
/// error, a broken body) becomes the caller's service exception: the network's or the service's fault, never the track's.
/// </summary>
internal sealed class JsonServiceClient(HttpClient http, Uri baseUri, string service, string userAgent, Func<string, Exception?, Exception> failure)
{
    private readonly string _base = baseUri.AbsoluteUri.TrimEnd('/');
    private long _requests;

    /// <summary>Requests sent (for the run summary and the tests).</summary>
    public long RequestCount => Interlocked.Read(ref _requests);

    public async Task<JsonAnswer<T>> GetAsync<T>(string pathAndQuery, Func<JsonElement, T> read, CancellationToken cancellationToken, HttpStatusCode? handledByCaller = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_base + pathAndQuery));
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        Interlocked.Increment(ref _requests);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound || response.StatusCode == handledByCaller)
            {
                return new JsonAnswer<T>(response.StatusCode, default, RetryAfter(response));
            }

            if (!response.IsSuccessStatusCode)
            {
                throw failure($"{service} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}", null);
            }

            var body = await BoundedBody.ReadAsync(response.Content, BoundedBody.JsonLimit, cancellationToken).ConfigureAwait(false);
            using var doc = JsonDocument.Parse(body);
            try
            {
                return new JsonAnswer<T>(response.StatusCode, read(doc.RootElement));
            }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException or KeyNotFoundException or OverflowException)
            {
                // A value of the wrong type (a number where text is due, a list where a record is): unparseable.
                throw new JsonException(ex.Message, ex);
            }
        }
        catch (BodyTooLargeException ex)
        {
            throw failure($"{service}'s answer is refused: {ex.Message}", ex);
        }
        catch (RequestTimedOutException ex)
        {
            throw failure($"{service} did not answer in time: {ex.Message}", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // An HttpClient's own Timeout (a client built without the shared handler): the same verdict.
            throw failure($"{service} did not answer in time: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw failure($"{service} could not be reached: {ex.Message}", ex);
        }
        catch (JsonException ex)
        {
            throw failure($"{service}'s answer is not the JSON it documents: {ex.Message}", ex);
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta is { } delta && delta > TimeSpan.Zero ? delta : null;
}

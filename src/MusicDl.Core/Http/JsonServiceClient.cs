using System.Net;
using System.Text.Json;

namespace MusicDl.Http;

/// <summary>
/// GETs from an open JSON web service (LRCLIB, MusicBrainz) as those services ask to be called: a User-Agent naming the
/// application, JSON accepted. A 404 is "none" (null); everything else is the <see cref="ServiceEdge"/>'s: health,
/// pacing, retries and one failure type.
/// </summary>
internal sealed class JsonServiceClient(ServiceEdge edge, Uri baseUri, string userAgent)
{
    private readonly string _base = baseUri.AbsoluteUri.TrimEnd('/');

    /// <summary>Requests sent (for the run summary and the tests).</summary>
    public long RequestCount => edge.Requests;

    public Task<T?> GetAsync<T>(string pathAndQuery, Func<JsonElement, T> read, CancellationToken cancellationToken)
        where T : class =>
        edge.ReadAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_base + pathAndQuery));
                request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
                request.Headers.TryAddWithoutValidation("Accept", "application/json");
                return request;
            },
            (status, body) =>
            {
                if (status == HttpStatusCode.NotFound)
                {
                    return null;
                }

                using var doc = JsonDocument.Parse(body);
                return read(doc.RootElement);
            },
            cancellationToken);
}

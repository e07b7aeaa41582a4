using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace MusicDl.Spotify;

/// <summary>
/// The Web API calls of one client: the bearer token from its token source (a 401 renews it once), the
/// configured base, and the mapping of 403/404 and other errors to typed, secret-free exceptions. Requests go
/// through the shared <see cref="SpotifyTransport"/> (limiter, retries, counters).
/// </summary>
internal sealed class SpotifyController(SpotifyTransport transport, ISpotifyTokenSource tokens)
{
    public SpotifyTransport Transport => transport;

    public ISpotifyTokenSource Tokens => tokens;

    /// <summary>An API URL from a path relative to the configured base ("/tracks/ID?market=US").</summary>
    public Uri Api(string relative) => new(transport.ApiBase + relative);

    /// <summary>
    /// A paging object's <c>next</c>, moved onto the configured base: its path (without the leading /v1) and query
    /// (recorded and fake answers may name another host).
    /// </summary>
    public Uri Rebase(string next)
    {
        var uri = new Uri(next, UriKind.RelativeOrAbsolute);
        var pathAndQuery = uri.IsAbsoluteUri ? uri.PathAndQuery : next;
        if (pathAndQuery.StartsWith("/v1/", StringComparison.Ordinal))
        {
            pathAndQuery = pathAndQuery[3..];
        }

        return Api(pathAndQuery);
    }

    /// <summary>GETs an API resource with the bearer token; 401 once renews the token and repeats.</summary>
    public async Task<T> GetAsync<T>(Uri url, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
            using var response = await transport.SendApiAsync(
                () =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Get, url);
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    return request;
                },
                cancellationToken).ConfigureAwait(false);

            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 0)
            {
                await tokens.InvalidateAsync(token, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw new SpotifyCredentialsException("Spotify rejected a freshly issued access token (401); check the app's settings in the Spotify dashboard.");
            }

            if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
            {
                var message = await ReadErrorMessageAsync(response, cancellationToken).ConfigureAwait(false);
                throw new SpotifySourceException(
                    $"Spotify answered {(int)response.StatusCode} for {SpotifyTransport.Describe(url)}{(message is null ? string.Empty : $" ({message})")}.",
                    (int)response.StatusCode);
            }

            await EnsureSuccessAsync(response, url, cancellationToken).ConfigureAwait(false);
            return await SpotifyTransport.ReadJsonAsync(response, url, type, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, Uri url, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var message = await ReadErrorMessageAsync(response, cancellationToken).ConfigureAwait(false);
        throw new SpotifyResponseException(
            $"Spotify answered {(int)response.StatusCode} for {SpotifyTransport.Describe(url)}{(message is null ? string.Empty : $" ({message})")}.",
            (int)response.StatusCode);
    }

    /// <summary>The message of an API error body <c>{"error":{"status":N,"message":"..."}}</c>, if it is one.</summary>
    private static async Task<string?> ReadErrorMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String
                ? m.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MusicDl.Spotify.Wire;

namespace MusicDl.Spotify;

/// <summary>Calls the accounts service's token endpoint (client credentials, code exchange, refresh).</summary>
internal sealed class SpotifyAccounts(SpotifyTransport transport, TimeProvider time)
{
    public Uri TokenUrl => new(transport.AccountsBase, "api/token");

    public Uri AuthorizeUrl => new(transport.AccountsBase, "authorize");

    /// <summary>The run's clock, which token expiries are read against.</summary>
    public TimeProvider Time => time;

    public async Task<SpotifyAccessToken> RequestClientCredentialsAsync(string clientId, string clientSecret, CancellationToken cancellationToken) =>
        (await PostAsync(
            [new("grant_type", "client_credentials")],
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{clientSecret}"))),
            "Spotify rejected the client credentials ({0}); check client_id and client_secret (or SPOTIFY_CLIENT_ID / SPOTIFY_CLIENT_SECRET).",
            cancellationToken).ConfigureAwait(false)).Token;

    public Task<(SpotifyAccessToken Token, string? RefreshToken)> ExchangeCodeAsync(
        string clientId, string code, Uri redirectUri, string codeVerifier, CancellationToken cancellationToken) =>
        PostAsync(
            [
                new("grant_type", "authorization_code"),
                new("code", code),
                new("redirect_uri", redirectUri.ToString()),
                new("client_id", clientId),
                new("code_verifier", codeVerifier),
            ],
            null,
            "Spotify did not accept the login ({0}); run `musicdl auth login` again.",
            cancellationToken);

    public Task<(SpotifyAccessToken Token, string? RefreshToken)> RefreshAsync(string clientId, string refreshToken, CancellationToken cancellationToken) =>
        PostAsync(
            [new("grant_type", "refresh_token"), new("refresh_token", refreshToken), new("client_id", clientId)],
            null,
            "Spotify no longer accepts the saved login ({0}); run `musicdl auth login` again.",
            cancellationToken);

    private async Task<(SpotifyAccessToken Token, string? RefreshToken)> PostAsync(
        KeyValuePair<string, string>[] form,
        AuthenticationHeaderValue? authorization,
        string rejectedMessage,
        CancellationToken cancellationToken)
    {
        using var response = await transport.SendAccountsAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, TokenUrl) { Content = new FormUrlEncodedContent(form) };
                request.Headers.Authorization = authorization;
                return request;
            },
            cancellationToken).ConfigureAwait(false);

        if ((int)response.StatusCode is 400 or 401 or 403)
        {
            var reason = await ReadOAuthErrorAsync(response, cancellationToken).ConfigureAwait(false);
            throw SpotifyFailure.Unauthorized(string.Format(System.Globalization.CultureInfo.InvariantCulture, rejectedMessage, reason));
        }

        if (!response.IsSuccessStatusCode)
        {
            throw SpotifyFailure.Unavailable($"Spotify's accounts service answered {(int)response.StatusCode}.");
        }

        var wire = await SpotifyTransport.ReadJsonAsync(response, TokenUrl, WireJsonContext.Default.WireToken, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(wire.AccessToken))
        {
            throw SpotifyFailure.Unparseable("Spotify's accounts service answered without an access token.");
        }

        var expiresIn = wire.ExpiresIn > 0 ? wire.ExpiresIn : 3600;
        var token = new SpotifyAccessToken(wire.AccessToken, time.GetUtcNow().AddSeconds(expiresIn), wire.Scope);
        return (token, string.IsNullOrEmpty(wire.RefreshToken) ? null : wire.RefreshToken);
    }

    /// <summary>"error: description" from an OAuth error body; Spotify's descriptions hold no secrets.</summary>
    private static async Task<string> ReadOAuthErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            var description = root.TryGetProperty("error_description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            return (error, description) switch
            {
                (null, null) => $"status {(int)response.StatusCode}",
                (_, null) => error!,
                (null, _) => description!,
                _ => $"{error}: {description}",
            };
        }
        catch (JsonException)
        {
            return $"status {(int)response.StatusCode}";
        }
    }
}

using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MusicDl.Fakes.Spotify;

/// <summary>The accounts service: /authorize (PKCE) and /api/token (three grants).</summary>
public sealed partial class FakeSpotify
{
    private void RegisterAccounts()
    {
        Host.MapGet("/authorize", Authorize);
        Host.MapPost("/api/token", TokenAsync);
        Host.MapGet("/s/{code}", ShortLink);
    }

    private Task Authorize(HttpContext context, IReadOnlyDictionary<string, string> _)
    {
        var q = context.Request.Query;
        if (q["client_id"] != ClientId || q["response_type"] != "code" || q["code_challenge_method"] != "S256"
            || string.IsNullOrEmpty(q["code_challenge"]) || string.IsNullOrEmpty(q["redirect_uri"]))
        {
            return OAuthError(context, 400, "invalid_request", "Missing or wrong authorize parameters");
        }

        var redirect = q["redirect_uri"].ToString();
        var state = Uri.EscapeDataString(q["state"].ToString());
        string location;
        if (DenyLogin)
        {
            location = $"{redirect}?error=access_denied&state={state}";
        }
        else
        {
            var code = Issue("code");
            _codes[code] = (q["code_challenge"].ToString(), redirect, q["scope"].ToString());
            location = $"{redirect}?code={Uri.EscapeDataString(code)}&state={state}";
        }

        context.Response.StatusCode = 302;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    }

    private async Task TokenAsync(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        switch (form["grant_type"].ToString())
        {
            case "client_credentials":
            {
                var header = context.Request.Headers.Authorization.ToString();
                var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}"));
                if (header != expected)
                {
                    await OAuthError(context, 400, "invalid_client", "Invalid client secret").ConfigureAwait(false);
                    return;
                }

                var token = Issue("cc");
                _accessTokens[token] = null;
                await WriteToken(context, token, null, null).ConfigureAwait(false);
                return;
            }

            case "authorization_code":
            {
                if (form["client_id"] != ClientId || !_codes.TryRemove(form["code"].ToString(), out var grant))
                {
                    await OAuthError(context, 400, "invalid_grant", "Invalid authorization code").ConfigureAwait(false);
                    return;
                }

                if (form["redirect_uri"] != grant.RedirectUri || Sha256Base64Url(form["code_verifier"].ToString()) != grant.Challenge)
                {
                    await OAuthError(context, 400, "invalid_grant", "code_verifier was incorrect").ConfigureAwait(false);
                    return;
                }

                var token = Issue("user");
                var refresh = Issue("refresh");
                _accessTokens[token] = UserId;
                _refreshTokens[refresh] = grant.Scope;
                await WriteToken(context, token, refresh, grant.Scope).ConfigureAwait(false);
                return;
            }

            case "refresh_token":
            {
                var old = form["refresh_token"].ToString();
                if (form["client_id"] != ClientId || !_refreshTokens.TryGetValue(old, out var scope))
                {
                    await OAuthError(context, 400, "invalid_grant", "Refresh token revoked").ConfigureAwait(false);
                    return;
                }

                var token = Issue("user");
                _accessTokens[token] = UserId;
                string? rotated = null;
                if (RotateRefreshTokens && _refreshTokens.TryRemove(old, out _))
                {
                    rotated = Issue("refresh");
                    _refreshTokens[rotated] = scope;
                }

                await WriteToken(context, token, rotated, scope).ConfigureAwait(false);
                return;
            }

            default:
                await OAuthError(context, 400, "unsupported_grant_type", "grant_type must be client_credentials, authorization_code or refresh_token").ConfigureAwait(false);
                return;
        }
    }

    private Task WriteToken(HttpContext context, string access, string? refresh, string? scope)
    {
        var body = new JsonObject { ["access_token"] = access, ["token_type"] = "Bearer", ["expires_in"] = TokenLifetimeSeconds };
        if (refresh is not null)
        {
            body["refresh_token"] = refresh;
        }

        if (scope is not null)
        {
            body["scope"] = scope;
        }

        return FakeHost.WriteJsonAsync(context, body.ToJsonString());
    }

    private Task ShortLink(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        string? target;
        lock (_gate)
        {
            _shortLinks.TryGetValue(values["code"], out target);
        }

        if (target is null)
        {
            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        }

        context.Response.StatusCode = 302;
        context.Response.Headers.Location = target;
        return Task.CompletedTask;
    }

    /// <summary>The user behind the request's bearer token ("" for client credentials), or null after answering 401.</summary>
    private async Task<string?> AuthorizeRequestAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.Ordinal) && _accessTokens.TryGetValue(header[7..], out var user))
        {
            return user ?? string.Empty;
        }

        await Error(context, 401, "Invalid access token").ConfigureAwait(false);
        return null;
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MusicDl.Configuration;
using MusicDl.Http;
using MusicDl.Output;
using MusicDl.Spotify;

namespace MusicDl.Diagnostics;

/// <summary>
/// The services: Spotify's credentials (one token request) and the user login, then each endpoint's reachability
/// with its latency. Any HTTP answer counts as reachable; only no answer (refused, unknown name, timeout) does not.
/// LRCLIB and MusicBrainz are checked only when enabled (<c>lyrics</c> not none, <c>musicbrainz: true</c>), and only
/// ever warn: a run without them still places every track, just without their tags.
/// </summary>
internal static class ServiceChecks
{
    private const string CredentialsHint = "set client_id and client_secret in the config (or SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET) from your Spotify app's dashboard";

    public static IEnumerable<DoctorProbe> Probes(MusicDlSettings settings, DoctorContext context, HttpClient http)
    {
        var e = settings.Endpoints;
        var publicOnly = SpotifyClient.ReadsOnlyPublicPages(settings, new SpotifyClientOptions { ConfigDirectory = context.LoginDirectory });
        yield return new DoctorProbe("spotify access", _ => Task.FromResult(Access(settings, context, publicOnly)), d => DoctorCheck.Warning("spotify access", d, "see docs/spotify.md"));
        if (settings.SpotifyAccess != SpotifyAccess.Api)
        {
            // Any answer of the page host is enough: a made-up id answers 404, which is Spotify answering.
            var page = new Uri(e.SpotifyOpen.AbsoluteUri.TrimEnd('/') + "/embed/track/0000000000000000000000");
            yield return Reachable("spotify pages", page, blocks: publicOnly, http, context);
        }

        if (publicOnly)
        {
            yield break;
        }

        yield return new DoctorProbe("spotify credentials", ct => CredentialsAsync(settings, context, http, ct),
            d => DoctorCheck.Problem("spotify credentials", $"Spotify accounts ({e.SpotifyAccounts.Host}) unreachable: {d}", "check the network (and MUSICDL_SPOTIFY_ACCOUNTS_URL)"));
        yield return new DoctorProbe("spotify login", ct => LoginAsync(settings, context, http, ct),
            d => DoctorCheck.Warning("spotify login", d, "musicdl auth login"));
        yield return Reachable("spotify api", e.SpotifyApi, blocks: true, http, context);
    }

    /// <summary>The YouTube and optional services' probes (every run asks them, whichever way it reads Spotify).</summary>
    public static IEnumerable<DoctorProbe> OtherProbes(MusicDlSettings settings, DoctorContext context, HttpClient http)
    {
        var e = settings.Endpoints;
        var musicBlocks = settings.AudioProviders.Contains("youtube-music", StringComparer.OrdinalIgnoreCase);
        yield return Reachable("youtube music", e.YouTubeMusic, musicBlocks, http, context);
        yield return Reachable("youtube", e.YouTube, blocks: true, http, context);
        if (settings.Lyrics != LyricsMode.None)
        {
            // A search that matches nothing: an API answer that is cheap for LRCLIB (a get may look further afield).
            yield return Optional("lrclib", e.Lrclib, "/api/search?track_name=musicdl%20doctor&artist_name=musicdl",
                "tracks get no lyrics while LRCLIB is down", "set lyrics: none to stop asking it", http, context);
        }

        if (settings.MusicBrainz)
        {
            // An ISRC no recording has: a 404 is the web service answering.
            yield return Optional("musicbrainz", e.MusicBrainz, "/ws/2/isrc/ZZ0000000000?fmt=json",
                "tracks get no MusicBrainz ids or genres while it is down", "set musicbrainz: false to stop asking it", http, context);
        }
    }

    // Which way a run with these settings reads Spotify, said in one line.
    private static DoctorCheck Access(MusicDlSettings settings, DoctorContext context, bool publicOnly)
    {
        const string name = "spotify access";
        if (publicOnly)
        {
            return DoctorCheck.Warning(name,
                $"public pages ({settings.SpotifyAccess.ToString().ToLowerInvariant()}, no credentials used): tracks, albums and a playlist's first 100 entries",
                "artists, Liked Songs and whole playlists need the Web API: set client_id and client_secret, or run `musicdl auth login` (docs/spotify.md)");
        }

        var login = SpotifyClient.HasSavedLogin(settings, new SpotifyClientOptions { ConfigDirectory = context.LoginDirectory });
        var how = login ? "Web API with the saved login" : "Web API with client credentials";
        return DoctorCheck.Ok(name, settings.SpotifyAccess == SpotifyAccess.Auto
            ? how + "; a playlist the API refuses is read from its public page"
            : how + " only (spotify_access: api)");
    }

    /// <summary>
    /// The doctor's client, from the one factory: one attempt each, no redirects followed (a redirect is an answer).
    /// Each probe's own deadline is request_timeout and speaks first; the client's bound a second later is the backstop.
    /// </summary>
    public static HttpClient CreateHttpClient(TimeSpan requestTimeout, HttpMessageHandler? handler, TimeProvider? time = null) =>
        OutboundHttp.Create(requestTimeout + TimeSpan.FromSeconds(1), 4, time, handler, followRedirects: false);

    // Every probe leaves through an edge like a run's request: one attempt, every status the probe's to judge, a
    // transport failure the edge's ServiceException (whose innermost message the report shows).
    private static Task<HttpResponseMessage> AskAsync(string name, HttpClient http, DoctorContext context, Func<HttpRequestMessage> create, CancellationToken cancellationToken, bool whole = false) =>
        new ServiceEdge(name, http, context.TimeProvider).SendAsync(create, cancellationToken, whole ? WholeAnswer : HeadersOnly);

    private static readonly EdgeCall HeadersOnly = new() { AnyStatus = true, Streamed = true };
    private static readonly EdgeCall WholeAnswer = new() { AnyStatus = true };

    private static DoctorProbe Reachable(string name, Uri url, bool blocks, HttpClient http, DoctorContext context)
    {
        var hint = $"check the network, a proxy or firewall for {url.Host}";
        return new DoctorProbe(name, async ct =>
        {
            var started = context.TimeProvider.GetTimestamp();
            using var response = await AskAsync(name, http, context, () => new HttpRequestMessage(HttpMethod.Get, url), ct).ConfigureAwait(false);
            var ms = (int)context.TimeProvider.GetElapsedTime(started).TotalMilliseconds;
            return DoctorCheck.Ok(name, $"{url.GetLeftPart(UriPartial.Authority)} answered in {ms} ms");
        }, d => blocks
            ? DoctorCheck.Problem(name, $"{url.GetLeftPart(UriPartial.Authority)} unreachable: {d}", hint)
            : DoctorCheck.Warning(name, $"{url.GetLeftPart(UriPartial.Authority)} unreachable: {d}", hint));
    }

    /// <summary>
    /// An optional service's API, asked as its client asks (our User-Agent, JSON): any answer below 500 is ok, a 5xx
    /// or no answer a warning, since the run goes on without that service's tags.
    /// </summary>
    private static DoctorProbe Optional(string name, Uri baseUri, string pathAndQuery, string consequence, string silence, HttpClient http, DoctorContext context)
    {
        var authority = baseUri.GetLeftPart(UriPartial.Authority);
        var hint = $"{consequence}: check the network, a proxy or firewall for {baseUri.Host}, or {silence}";
        return new DoctorProbe(name, async ct =>
        {
            var started = context.TimeProvider.GetTimestamp();
            using var response = await AskAsync(name, http, context, () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUri.AbsoluteUri.TrimEnd('/') + pathAndQuery));
                request.Headers.TryAddWithoutValidation("User-Agent", ProductInfo.UserAgent);
                request.Headers.TryAddWithoutValidation("Accept", "application/json");
                return request;
            }, ct).ConfigureAwait(false);
            var ms = (int)context.TimeProvider.GetElapsedTime(started).TotalMilliseconds;
            return (int)response.StatusCode >= 500
                ? DoctorCheck.Warning(name, $"{authority} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd(), hint)
                : DoctorCheck.Ok(name, $"{authority} answered in {ms} ms");
        }, d => DoctorCheck.Warning(name, $"{authority} unreachable: {d}", hint));
    }

    private static async Task<DoctorCheck> CredentialsAsync(MusicDlSettings settings, DoctorContext context, HttpClient http, CancellationToken cancellationToken)
    {
        const string name = "spotify credentials";
        if (string.IsNullOrWhiteSpace(settings.ClientId) || string.IsNullOrWhiteSpace(settings.ClientSecret))
        {
            return DoctorCheck.Problem(name, "no client id and secret configured", CredentialsHint);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.Endpoints.SpotifyAccounts, "/api/token"))
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.ClientId}:{settings.ClientSecret}")));
        var started = context.TimeProvider.GetTimestamp();
        using var response = await AskAsync(name, http, context, () => request, cancellationToken, whole: true).ConfigureAwait(false);
        var ms = (int)context.TimeProvider.GetElapsedTime(started).TotalMilliseconds;
        return response.StatusCode switch
        {
            HttpStatusCode.OK => DoctorCheck.Ok(name, $"accepted by {settings.Endpoints.SpotifyAccounts.Host} in {ms} ms"),
            HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized => DoctorCheck.Problem(name,
                $"rejected ({(int)response.StatusCode} {await ErrorAsync(response, cancellationToken).ConfigureAwait(false)})", CredentialsHint),
            _ => DoctorCheck.Problem(name, $"the token request answered HTTP {(int)response.StatusCode}", "try again later; Spotify may be down"),
        };
    }

    private static async Task<DoctorCheck> LoginAsync(MusicDlSettings settings, DoctorContext context, HttpClient http, CancellationToken cancellationToken)
    {
        const string name = "spotify login";
        const string hint = "musicdl auth login (needed for your private playlists and Liked Songs)";
        if (string.IsNullOrWhiteSpace(settings.ClientId))
        {
            return DoctorCheck.Warning(name, "not logged in (no client id)", hint);
        }

        var store = new SpotifyLoginStore(context.LoginDirectory, settings.ClientId);
        var saved = await store.LoadAsync(cancellationToken).ConfigureAwait(false);
        if (saved is null)
        {
            return DoctorCheck.Warning(name, "not logged in", hint);
        }

        var scopes = string.IsNullOrWhiteSpace(saved.Scope) ? "no scopes" : "scopes " + saved.Scope;
        if (saved.Access is not { } access || !access.IsUsableAt(context.TimeProvider.GetUtcNow()))
        {
            // Refreshing here would rotate the saved refresh token behind a running job's back: the next run does it.
            return DoctorCheck.Ok(name, $"logged in ({scopes}); refreshable, the next run renews the access token");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(settings.Endpoints.SpotifyApi.AbsoluteUri.TrimEnd('/') + "/me"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access.Value);
        using var response = await AskAsync(name, http, context, () => request, cancellationToken, whole: true).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return DoctorCheck.Warning(name, $"the saved login was refused (HTTP {(int)response.StatusCode}); refreshable: the next run tries", hint);
        }

        using var me = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        var id = me.RootElement.TryGetProperty("id", out var i) ? i.GetString() : null;
        var display = me.RootElement.TryGetProperty("display_name", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        return DoctorCheck.Ok(name, $"logged in as {display ?? id} ({id}); {scopes}; refreshable");
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            return json.RootElement.TryGetProperty("error_description", out var d) ? d.GetString() ?? "invalid_client"
                : json.RootElement.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() ?? "invalid_client" : "invalid_client";
        }
        catch (JsonException)
        {
            return "invalid_client";
        }
    }
}

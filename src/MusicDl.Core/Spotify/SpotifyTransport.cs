using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MusicDl.Configuration;
using MusicDl.Http;

namespace MusicDl.Spotify;

/// <summary>
/// Sends Spotify's requests, API, accounts and public pages alike, each through its <see cref="ServiceEdge"/>: one
/// pacing shared by the three (Spotify's limit is the app's), one retry plan (<c>spotify_max_retries</c>, back-off from
/// <c>spotify_retry_base_delay</c>, a 429's Retry-After waited within <c>spotify_retry_max_delay</c>), and the edge's
/// failures told in Spotify's words (<see cref="SpotifyFailure.Unavailable"/>, <see cref="SpotifyFailure.RateLimited"/>).
/// Knows no token: the accounts service is reached without one, and <see cref="SpotifyCatalog"/> adds the bearer.
/// </summary>
internal sealed class SpotifyTransport
{
    // Every status but 429 and 5xx is Spotify's answer to read: 401 renews the token, 403 and 404 say what a source lacks.
    private static readonly EdgeCall Answers = new() { ClientErrorsAreAnswers = true };
    private static readonly EdgeCall AnyStatus = new() { AnyStatus = true };

    private readonly TimeSpan _retryCap;
    private readonly int _maxRetries;
    private readonly ServiceEdge _api;
    private readonly ServiceEdge _accounts;
    private readonly ServiceEdge _pages;
    private readonly ServiceEdge _links;

    public SpotifyTransport(HttpClient http, MusicDlSettings settings, TimeProvider time)
    {
        ApiBase = settings.Endpoints.SpotifyApi.ToString().TrimEnd('/');
        AccountsBase = new Uri(settings.Endpoints.SpotifyAccounts.ToString().TrimEnd('/') + "/");
        OpenBase = settings.Endpoints.SpotifyOpen.ToString().TrimEnd('/');
        _retryCap = settings.SpotifyRetryMaxDelay;
        _maxRetries = Math.Max(0, settings.SpotifyMaxRetries);
        var pacer = settings.SpotifyRateLimitEnabled
            ? new RequestPacer(settings.SpotifyRateLimitRequests, settings.SpotifyRateLimitWindow, time)
            : null;
        var plan = new RetryPlan(_maxRetries, settings.SpotifyRetryBaseDelay, _retryCap, Jitter: true);
        _api = new ServiceEdge(SpotifyFailure.Service, http, time, plan, pacer);
        _accounts = new ServiceEdge(SpotifyFailure.Service, http, time, plan, pacer);
        _pages = new ServiceEdge(SpotifyFailure.PagesService, http, time, plan, pacer);

        // Short links live outside the API: one attempt, no pacing, the redirect read by hand.
        _links = new ServiceEdge(SpotifyFailure.Service, http, time);
    }

    public Uri AccountsBase { get; }

    /// <summary>The configured API base without a trailing slash ("https://api.spotify.com/v1").</summary>
    public string ApiBase { get; }

    public long ApiRequests => _api.Requests;

    public long AccountsRequests => _accounts.Requests;

    /// <summary>Requests for public embed pages.</summary>
    public long PageRequests => _pages.Requests;

    /// <summary>The configured public page host without a trailing slash ("https://open.spotify.com").</summary>
    public string OpenBase { get; }

    /// <summary>Sends a request to the accounts service (no bearer), through the pacing and retries.</summary>
    public Task<HttpResponseMessage> SendAccountsAsync(Func<HttpRequestMessage> create, CancellationToken cancellationToken) =>
        SendAsync(_accounts, create, cancellationToken);

    /// <summary>Sends an API request (the caller adds the bearer), through the pacing and retries.</summary>
    public Task<HttpResponseMessage> SendApiAsync(Func<HttpRequestMessage> create, CancellationToken cancellationToken) =>
        SendAsync(_api, create, cancellationToken);

    /// <summary>Sends a public page request (no bearer, no cookie), through the pacing and retries.</summary>
    public Task<HttpResponseMessage> SendPageAsync(Func<HttpRequestMessage> create, CancellationToken cancellationToken) =>
        SendAsync(_pages, create, cancellationToken);

    /// <summary>Sends one request without retries or pacing, every status returned (short links live outside the API).</summary>
    public async Task<HttpResponseMessage> SendPlainAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _links.SendAsync(() => request, cancellationToken, AnyStatus).ConfigureAwait(false);
        }
        catch (ServiceException ex)
        {
            throw SpotifyFailure.Rejected($"Could not follow the link {request.RequestUri?.GetLeftPart(UriPartial.Path)}: {ex.InnerException?.Message ?? ex.Message}", null, ex);
        }
    }

    public static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, Uri url, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                return await JsonSerializer.DeserializeAsync(stream, type, cancellationToken).ConfigureAwait(false)
                    ?? throw SpotifyFailure.Unparseable($"Spotify answered null for {Describe(url)}.");
            }
        }
        catch (JsonException ex)
        {
            throw SpotifyFailure.Unparseable($"Spotify's answer for {Describe(url)} is not the JSON expected ({ex.Message}).", (int)response.StatusCode, ex);
        }
        catch (HttpIOException ex)
        {
            throw SpotifyFailure.Unavailable($"The connection broke while reading Spotify's answer for {Describe(url)}.", ex);
        }
    }

    /// <summary>The path of a URL without its query (queries never hold secrets here, but keep messages short).</summary>
    public static string Describe(Uri url) => url.AbsolutePath;

    private async Task<HttpResponseMessage> SendAsync(ServiceEdge edge, Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        try
        {
            return await edge.SendAsync(create, cancellationToken, Answers).ConfigureAwait(false);
        }
        catch (ServiceException ex) when (ex.Kind == ServiceFailureKind.RateLimited)
        {
            throw ex.RetryAfter is { } wait && wait > _retryCap
                ? SpotifyFailure.RateLimited(
                    $"Spotify asks to wait {FormatWait(wait)} before the next request (Retry-After), more than the {FormatWait(_retryCap)} allowed by spotify_retry_max_delay; try again later.",
                    wait)
                : SpotifyFailure.RateLimited($"Spotify kept answering 429 (too many requests) after {_maxRetries} retries; try again later.", ex.RetryAfter);
        }
        catch (ServiceException ex) when (ex.Status is { } status)
        {
            throw SpotifyFailure.Unavailable($"Spotify answered {(int)status} for {ex.Target} after {_maxRetries} retries.", ex);
        }
        catch (ServiceException ex) when (ex.Kind == ServiceFailureKind.Timeout)
        {
            throw SpotifyFailure.Unavailable($"Spotify did not answer in time ({ex.Target}) after {_maxRetries} retries.", ex);
        }
        catch (ServiceException ex) when (ex.Kind == ServiceFailureKind.ConnectionLost)
        {
            throw SpotifyFailure.Unavailable($"The connection to Spotify broke ({ex.Target}): {ex.InnerException?.Message}", ex);
        }
        catch (ServiceException ex)
        {
            throw SpotifyFailure.Unavailable($"Spotify is unreachable ({ex.Target}): {ex.InnerException?.Message}", ex);
        }
    }

    private static string FormatWait(TimeSpan wait) =>
        wait.TotalSeconds < 120
            ? string.Create(CultureInfo.InvariantCulture, $"{wait.TotalSeconds:0} s")
            : wait.TotalHours < 2
                ? string.Create(CultureInfo.InvariantCulture, $"{wait.TotalMinutes:0} min ({wait.TotalSeconds:0} s)")
                : string.Create(CultureInfo.InvariantCulture, $"{wait.TotalHours:0.#} h ({wait.TotalSeconds:0} s)");
}

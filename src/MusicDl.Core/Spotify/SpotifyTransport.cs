using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using MusicDl.Configuration;
using MusicDl.Http;
using Polly;
using Polly.Retry;

namespace MusicDl.Spotify;

/// <summary>
/// Sends Spotify's requests, API and accounts alike: base URLs, the shared limiter, retries (Polly) and the
/// mapping of transport failures to typed, secret-free exceptions. Counts every request it sends. Knows no token:
/// the accounts service is reached without one, and <see cref="SpotifyController"/> adds the bearer.
/// </summary>
internal sealed class SpotifyTransport
{
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly RequestPacer? _limiter;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly TimeSpan _retryCap;
    private readonly int _maxRetries;
    private long _apiRequests;
    private long _accountsRequests;
    private long _pageRequests;

    public SpotifyTransport(HttpClient http, MusicDlSettings settings, TimeProvider time)
    {
        _http = http;
        _time = time;
        ApiBase = settings.Endpoints.SpotifyApi.ToString().TrimEnd('/');
        AccountsBase = new Uri(settings.Endpoints.SpotifyAccounts.ToString().TrimEnd('/') + "/");
        OpenBase = settings.Endpoints.SpotifyOpen.ToString().TrimEnd('/');
        _retryCap = settings.SpotifyRetryMaxDelay;
        _maxRetries = Math.Max(0, settings.SpotifyMaxRetries);
        _limiter = settings.SpotifyRateLimitEnabled
            ? new RequestPacer(settings.SpotifyRateLimitRequests, settings.SpotifyRateLimitWindow, time)
            : null;
        _pipeline = BuildPipeline(settings, time);
    }

    public Uri AccountsBase { get; }

    /// <summary>The configured API base without a trailing slash ("https://api.spotify.com/v1").</summary>
    public string ApiBase { get; }

    public long ApiRequests => Interlocked.Read(ref _apiRequests);

    public long AccountsRequests => Interlocked.Read(ref _accountsRequests);

    /// <summary>Requests for public embed pages.</summary>
    public long PageRequests => Interlocked.Read(ref _pageRequests);

    /// <summary>The configured public page host without a trailing slash ("https://open.spotify.com").</summary>
    public string OpenBase { get; }

    public TimeProvider Time => _time;

    /// <summary>Sends a request to the accounts service (no bearer), through the limiter and retries.</summary>
    public Task<HttpResponseMessage> SendAccountsAsync(Func<HttpRequestMessage> create, CancellationToken cancellationToken) =>
        SendAsync(create, Counter.Accounts, cancellationToken);

    /// <summary>Sends an API request (the caller adds the bearer), through the limiter and retries.</summary>
    public Task<HttpResponseMessage> SendApiAsync(Func<HttpRequestMessage> create, CancellationToken cancellationToken) =>
        SendAsync(create, Counter.Api, cancellationToken);

    /// <summary>Sends a public page request (no bearer, no cookie), through the limiter and retries.</summary>
    public Task<HttpResponseMessage> SendPageAsync(Func<HttpRequestMessage> create, CancellationToken cancellationToken) =>
        SendAsync(create, Counter.Pages, cancellationToken);

    /// <summary>Sends one request without retries or limiter (short links live outside the API).</summary>
    public async Task<HttpResponseMessage> SendPlainAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new SpotifySourceException($"Could not follow the link {request.RequestUri?.GetLeftPart(UriPartial.Path)}: {ex.Message}", null, ex);
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
                    ?? throw new SpotifyResponseException($"Spotify answered null for {Describe(url)}.");
            }
        }
        catch (JsonException ex)
        {
            throw new SpotifyResponseException($"Spotify's answer for {Describe(url)} is not the JSON expected ({ex.Message}).", (int)response.StatusCode, ex);
        }
        catch (HttpIOException ex)
        {
            throw new SpotifyUnavailableException($"The connection broke while reading Spotify's answer for {Describe(url)}.", ex);
        }
    }

    /// <summary>The path of a URL without its query (queries never hold secrets here, but keep messages short).</summary>
    public static string Describe(Uri url) => url.AbsolutePath;

    private enum Counter
    {
        Api,
        Accounts,
        Pages,
    }

    private void Count(Counter counter)
    {
        switch (counter)
        {
            case Counter.Api:
                Interlocked.Increment(ref _apiRequests);
                break;
            case Counter.Accounts:
                Interlocked.Increment(ref _accountsRequests);
                break;
            default:
                Interlocked.Increment(ref _pageRequests);
                break;
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create, Counter counter, CancellationToken cancellationToken)
    {
        string? target = null;
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                async ct =>
                {
                    if (_limiter is not null)
                    {
                        await _limiter.AcquireAsync(ct).ConfigureAwait(false);
                    }

                    using var request = create();
                    target = Describe(request.RequestUri!);
                    Count(counter);
                    var answer = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
                    if (answer.StatusCode == HttpStatusCode.TooManyRequests && _limiter is not null
                        && RetryAfter(answer) is { } hold && hold <= _retryCap)
                    {
                        // Spotify's limit is the app's, not one request's: every caller of this client holds, not
                        // only the one refused, so parallel tracks do not keep drawing 429s during the wait.
                        _limiter.Defer(hold);
                    }

                    return answer;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new SpotifyUnavailableException($"Spotify is unreachable ({target}): {ex.Message}", ex);
        }
        catch (HttpIOException ex)
        {
            throw new SpotifyUnavailableException($"The connection to Spotify broke ({target}): {ex.Message}", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SpotifyUnavailableException($"Spotify did not answer in time ({target}) after {_maxRetries} retries.", ex);
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var wait = RetryAfter(response);
            response.Dispose();
            throw wait > _retryCap
                ? new SpotifyRateLimitException(
                    $"Spotify asks to wait {FormatWait(wait.Value)} before the next request (Retry-After), more than the {FormatWait(_retryCap)} allowed by spotify_retry_max_delay; try again later.",
                    wait)
                : new SpotifyRateLimitException($"Spotify kept answering 429 (too many requests) after {_maxRetries} retries; try again later.", wait);
        }

        if ((int)response.StatusCode >= 500)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            throw new SpotifyUnavailableException($"Spotify answered {status} for {target} after {_maxRetries} retries.");
        }

        return response;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static string FormatWait(TimeSpan wait) =>
        wait.TotalSeconds < 120
            ? string.Create(CultureInfo.InvariantCulture, $"{wait.TotalSeconds:0} s")
            : wait.TotalHours < 2
                ? string.Create(CultureInfo.InvariantCulture, $"{wait.TotalMinutes:0} min ({wait.TotalSeconds:0} s)")
                : string.Create(CultureInfo.InvariantCulture, $"{wait.TotalHours:0.#} h ({wait.TotalSeconds:0} s)");

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline(MusicDlSettings settings, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (_maxRetries == 0)
        {
            return builder.Build();
        }

        return builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = _maxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = settings.SpotifyRetryBaseDelay,
            MaxDelay = _retryCap,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.CancellationToken)),

            // 429: wait exactly what Spotify asks (within the cap); otherwise exponential backoff with jitter.
            DelayGenerator = args => ValueTask.FromResult(
                args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } r
                    ? RetryAfter(r) ?? settings.SpotifyRetryBaseDelay
                    : (TimeSpan?)null),
        }).Build();
    }

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or HttpIOException or TimeoutException
                || (outcome.Exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);
        }

        var response = outcome.Result!;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var wait = RetryAfter(response);
            return wait is null || wait <= _retryCap;
        }

        return (int)response.StatusCode >= 500;
    }
}

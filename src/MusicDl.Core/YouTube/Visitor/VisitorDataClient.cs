using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MusicDl.Http;

namespace MusicDl.YouTube.Visitor;

/// <summary>
/// Asks YouTube for visitor data as yt-dlp does: <c>GET {youtube}/sw.js_data</c>, else the home page's
/// <c>ytcfg.set({...})</c>. Each request is bounded by <see cref="RequestTimeout"/>.
/// </summary>
public sealed class VisitorDataClient : IVisitorDataSource
{
    // A desktop browser, as the web pages expect; the consent cookie keeps European answers from being a consent page.
    private const string BrowserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";

    private readonly HttpClient _http;
    private readonly Uri _base;
    private readonly ILogger _logger;
    private long _requests;

    /// <param name="http">The run's client.</param>
    /// <param name="youTubeBase">YouTube's base URL.</param>
    /// <param name="logger">Says in one line when a source held no visitor data and the next one is asked.</param>
    public VisitorDataClient(HttpClient http, Uri youTubeBase, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(youTubeBase);
        _logger = logger ?? NullLogger.Instance;
        _http = http;
        _base = new Uri(youTubeBase.AbsoluteUri.TrimEnd('/') + "/");
    }

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>HTTP requests sent (for the run summary and tests).</summary>
    public long RequestCount => Interlocked.Read(ref _requests);

    public async Task<string> FetchAsync(CancellationToken cancellationToken = default)
    {
        string? swProblem;
        try
        {
            var text = await GetTextAsync(new Uri(_base, "sw.js_data"), cancellationToken);
            if (VisitorDataParser.FromSwJsData(text) is { } value)
            {
                return value;
            }

            swProblem = "sw.js_data held no visitor data at [0][2][0][0][13]";
        }
        catch (Exception ex) when (IsTransport(ex, cancellationToken))
        {
            swProblem = $"sw.js_data failed: {ex.Message}";
        }

        // Not a silent fallback: one line says why the home page is asked.
        _logger.LogInformation("YouTube visitor data: {Problem}; asking the home page", swProblem);
        try
        {
            var page = await GetTextAsync(_base, cancellationToken);
            return VisitorDataParser.FromPage(page)
                ?? throw new VisitorDataException(
                    $"YouTube gave no visitor data ({swProblem}; the home page has none in ytcfg INNERTUBE_CONTEXT.client.visitorData, VISITOR_DATA or responseContext.visitorData)");
        }
        catch (Exception ex) when (IsTransport(ex, cancellationToken))
        {
            throw new VisitorDataException($"YouTube gave no visitor data ({swProblem}; the home page failed: {ex.Message})", ex);
        }
    }

    private static bool IsTransport(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private async Task<string> GetTextAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation("User-Agent", BrowserAgent);
        request.Headers.TryAddWithoutValidation("Cookie", "SOCS=CAI");
        request.Headers.TryAddWithoutValidation("Accept-Language", "en-US,en;q=0.9");
        Interlocked.Increment(ref _requests);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"HTTP {(int)response.StatusCode} from {uri.AbsolutePath}", null, response.StatusCode);
        }

        // An oversize page (BodyTooLargeException, an IOException) is a failed source, like a dropped one.
        return System.Text.Encoding.UTF8.GetString(await BoundedBody.ReadAsync(response.Content, BoundedBody.YouTubeLimit, timeout.Token));
    }
}

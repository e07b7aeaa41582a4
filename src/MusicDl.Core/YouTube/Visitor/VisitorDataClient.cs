using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MusicDl.Http;

namespace MusicDl.YouTube.Visitor;

/// <summary>
/// Asks YouTube for visitor data as yt-dlp does: <c>GET {youtube}/sw.js_data</c>, else the home page's
/// <c>ytcfg.set({...})</c>. Each request passes the service's edge (bounded by <c>request_timeout</c>).
/// </summary>
public sealed class VisitorDataClient : IVisitorDataSource
{
    // A desktop browser, as the web pages expect; the consent cookie keeps European answers from being a consent page.
    private const string BrowserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";

    private readonly ServiceEdge _edge;
    private readonly Uri _base;
    private readonly ILogger _logger;

    /// <param name="http">The run's client.</param>
    /// <param name="youTubeBase">YouTube's base URL.</param>
    /// <param name="logger">Says in one line when a source held no visitor data and the next one is asked.</param>
    /// <param name="time">The run's clock; the system's when not given.</param>
    public VisitorDataClient(HttpClient http, Uri youTubeBase, ILogger? logger = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(youTubeBase);
        _logger = logger ?? NullLogger.Instance;
        // One attempt per page: the session asks again later (VisitorSession), and the home page is the fallback.
        _edge = new ServiceEdge("YouTube visitor data", http, time ?? TimeProvider.System);
        _base = new Uri(youTubeBase.AbsoluteUri.TrimEnd('/') + "/");
    }

    private static readonly EdgeCall Page = new() { Answers = [], BodyLimit = BoundedBody.YouTubeLimit };

    /// <summary>HTTP requests sent (for the run summary and tests).</summary>
    public long RequestCount => _edge.Requests;

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
        catch (ServiceException ex)
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
        catch (ServiceException ex)
        {
            throw new VisitorDataException($"YouTube gave no visitor data ({swProblem}; the home page failed: {ex.Message})", ex);
        }
    }

    private async Task<string> GetTextAsync(Uri uri, CancellationToken cancellationToken)
    {
        // request_timeout bounds each page (the run's client); an oversize page is a failed one, like a dropped one.
        return await _edge.ReadAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Headers.TryAddWithoutValidation("User-Agent", BrowserAgent);
                request.Headers.TryAddWithoutValidation("Cookie", "SOCS=CAI");
                request.Headers.TryAddWithoutValidation("Accept-Language", "en-US,en;q=0.9");
                return request;
            },
            (_, body) => System.Text.Encoding.UTF8.GetString(body),
            cancellationToken,
            Page);
    }
}

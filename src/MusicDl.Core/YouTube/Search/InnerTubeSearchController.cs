using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MusicDl.Http;
using MusicDl.YouTube.Visitor;

namespace MusicDl.YouTube.Search;

/// <summary>
/// Makes the raw InnerTube search calls (POST /youtubei/v1/search) as one web client, through its
/// <see cref="ServiceEdge"/>: every failure is a <see cref="ServiceException"/> of the search service, a 429 the
/// session's limit.
/// </summary>
internal sealed class InnerTubeSearchController
{
    // A current desktop browser; InnerTube answers web clients differently (or not at all) without one.
    private const string UserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";

    private readonly ServiceEdge _edge;
    private readonly Uri _searchUri;
    private readonly InnerTubeWebClient _client;
    private readonly TimeProvider _time;
    private readonly YouTubeSession _session;
    private readonly VisitorSession? _visitor;
    private readonly string? _gl;

    /// <param name="http">The HTTP client (its handler bounds each request by request_timeout).</param>
    /// <param name="baseUri">The service's base URL.</param>
    /// <param name="client">The web client identity.</param>
    /// <param name="time">For the date-based client version.</param>
    /// <param name="altJson">YouTube Music adds <c>?alt=json</c>.</param>
    /// <param name="visitor">The run's visitor data, sent as ytmusicapi and yt-dlp do; null sends none.</param>
    /// <param name="gl">The country (the <c>market</c>); null sends none, so YouTube goes by the caller's address.</param>
    /// <param name="session">The run's YouTube session (shared with the player and media); null: a private one.</param>
    public InnerTubeSearchController(
        HttpClient http, Uri baseUri, InnerTubeWebClient client, TimeProvider time, bool altJson, VisitorSession? visitor = null, string? gl = null, YouTubeSession? session = null)
    {
        _session = session ?? new YouTubeSession();

        // No retry here: the matcher asks a failed page again as a whole (its answer may also fail the parser).
        // A 429 is YouTube limiting the session, never waited out; no request once the session is limited.
        _edge = new ServiceEdge(ServiceName(client), http, time, rateLimitEndsSession: true, gate: _session.ThrowIfLimited);
        _client = client;
        _time = time;
        _visitor = visitor;
        _gl = gl;
        var root = baseUri.AbsoluteUri.TrimEnd('/');
        _searchUri = new Uri(root + "/youtubei/v1/search" + (altJson ? "?alt=json" : string.Empty));
    }

    public long RequestCount => _edge.Requests;

    /// <summary>The service as the user knows it: "YouTube Music search" (WEB_REMIX) or "YouTube search" (WEB).</summary>
    public static string ServiceName(InnerTubeWebClient client) =>
        client == InnerTubeWebClient.WebRemix ? "YouTube Music search" : "YouTube search";

    /// <summary>A search answer that is valid JSON but not a search result (no section list, no continuation shelf).</summary>
    public ServiceException NotASearchAnswer() =>
        new(_edge.Service, ServiceFailureKind.Unparseable, $"{_client.ClientName} search answered something that is not a search result (no section list); not cached, asked again next time");

    /// <summary>POSTs a search body; <paramref name="urlContinuation"/> goes into the URL (YouTube Music style).</summary>
    public async Task<JsonDocument> SearchAsync(
        string? query, string? searchParams, string? bodyContinuation, string? urlContinuation, CancellationToken cancellationToken)
    {
        var uri = _searchUri;
        if (urlContinuation is not null)
        {
            // YouTube Music hands the token out already percent-encoded ("...%3D%3D"); it must reach the URL encoded
            // exactly once, so any encoding it carries is undone first (a raw "...==" token is encoded the same way).
            var token = Uri.EscapeDataString(Uri.UnescapeDataString(urlContinuation));
            var join = uri.Query.Length > 0 ? "&" : "?";
            uri = new Uri($"{uri.AbsoluteUri}{join}ctoken={token}&continuation={token}");
        }

        // No new search once YouTube has limited the session: every call prolongs the limit.
        _session.ThrowIfLimited();
        var visitorData = _visitor is null ? null : await _visitor.GetAsync(cancellationToken);
        var body = BuildBody(query, searchParams, bodyContinuation, visitorData);
        HttpRequestMessage Request()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
            request.Headers.TryAddWithoutValidation("Origin", _client.Origin);
            request.Headers.TryAddWithoutValidation("Referer", _client.Origin + "/");
            // Consent cookie: without it European answers are a consent page instead of results.
            request.Headers.TryAddWithoutValidation("Cookie", "SOCS=CAI");
            if (!string.IsNullOrEmpty(visitorData))
            {
                request.Headers.TryAddWithoutValidation("X-Goog-Visitor-Id", visitorData);
            }

            return request;
        }

        try
        {
            return await _edge.ReadAsync(
                Request,
                (_, answer) =>
                {
                    var doc = JsonDocument.Parse(answer);
                    // Every InnerTube answer repeats the visitor data: a run whose fetch failed takes it from here.
                    _visitor?.Offer(doc.RootElement.At("responseContext", "visitorData").String());
                    return doc;
                },
                cancellationToken,
                Call);
        }
        catch (ServiceException ex) when (ex.Kind == ServiceFailureKind.SessionLimit && ex is not YouTubeSessionLimitedException)
        {
            throw _session.Limited($"{_client.ClientName} search answered HTTP 429");
        }
        catch (ServiceException ex) when (ex.Status == HttpStatusCode.Forbidden)
        {
            // A bot check: YouTube turning this client away for now, not a verdict on the query; it may pass.
            throw new ServiceException(ex.Service, ServiceFailureKind.RateLimited, $"{_client.ClientName} search answered 403 (a bot check).", ex, ex.Status);
        }
    }

    // Read up to the limit, never buffered whole: an oversize answer cannot be read (not cached, not asked again now).
    private static readonly EdgeCall Call = new() { Answers = [], BodyLimit = BoundedBody.YouTubeLimit };

    private byte[] BuildBody(string? query, string? searchParams, string? continuation, string? visitorData)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            if (query is not null)
            {
                w.WriteString("query", query);
            }

            if (searchParams is not null)
            {
                w.WriteString("params", searchParams);
            }

            if (continuation is not null)
            {
                w.WriteString("continuation", continuation);
            }

            w.WriteStartObject("context");
            w.WriteStartObject("client");
            w.WriteString("clientName", _client.ClientName);
            w.WriteString("clientVersion", InnerTubeClientVersion.For(_client.MajorVersion, _time));
            w.WriteString("hl", "en");
            if (_gl is not null)
            {
                w.WriteString("gl", _gl);
            }

            if (!string.IsNullOrEmpty(visitorData))
            {
                w.WriteString("visitorData", visitorData);
            }

            w.WriteEndObject();
            w.WriteStartObject("user");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }
}

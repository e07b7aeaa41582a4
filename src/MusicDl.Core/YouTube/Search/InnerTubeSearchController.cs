using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MusicDl.Http;
using MusicDl.YouTube.Visitor;

namespace MusicDl.YouTube.Search;

/// <summary>
/// Makes the raw InnerTube search calls (POST /youtubei/v1/search) as one web client and maps
/// transport failures to <see cref="SearchException"/> with the transient flag set right.
/// </summary>
internal sealed class InnerTubeSearchController
{
    // A current desktop browser; InnerTube answers web clients differently (or not at all) without one.
    private const string UserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";

    private readonly HttpClient _http;
    private readonly Uri _searchUri;
    private readonly InnerTubeWebClient _client;
    private readonly TimeProvider _time;
    private readonly YouTubeSession _session;
    private readonly VisitorSession? _visitor;
    private readonly string? _gl;
    private long _requests;

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
        _http = http;
        _client = client;
        _time = time;
        _visitor = visitor;
        _gl = gl;
        var root = baseUri.AbsoluteUri.TrimEnd('/');
        _searchUri = new Uri(root + "/youtubei/v1/search" + (altJson ? "?alt=json" : string.Empty));
    }

    public long RequestCount => Interlocked.Read(ref _requests);

    /// <summary>A search answer that is valid JSON but not a search result (no section list, no continuation shelf).</summary>
    public SearchException NotASearchAnswer() =>
        new($"{_client.ClientName} search answered something that is not a search result (no section list); not cached, asked again next time", null, isTransient: true);

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
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new ByteArrayContent(BuildBody(query, searchParams, bodyContinuation, visitorData)),
        };
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

        // Again: the session may have been limited while the visitor data was fetched.
        _session.ThrowIfLimited();
        Interlocked.Increment(ref _requests);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new SearchException($"{_client.ClientName} search failed: {ex.Message}", null, isTransient: true, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SearchException($"{_client.ClientName} search timed out.", null, isTransient: true, ex);
        }
        catch (IOException ex)
        {
            throw new SearchException($"{_client.ClientName} search failed: {ex.Message}", null, isTransient: true, ex);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                throw _session.Limited($"{_client.ClientName} search answered HTTP 429");
            }

            if (!response.IsSuccessStatusCode)
            {
                var status = response.StatusCode;
                // 400/404 mean our request is wrong; everything else (403 bot checks, 429, 5xx) may pass.
                var transient = status is not (HttpStatusCode.BadRequest or HttpStatusCode.NotFound);
                throw new SearchException(
                    $"{_client.ClientName} search answered {(int)status} {response.ReasonPhrase}.", status, transient);
            }

            try
            {
                // Read up to the limit, never buffered whole: an oversize answer is one that cannot be read (not cached).
                var body = await BoundedBody.ReadAsync(response.Content, BoundedBody.YouTubeLimit, cancellationToken);
                var doc = JsonDocument.Parse(body);
                // Every InnerTube answer repeats the visitor data: a run whose fetch failed takes it from here.
                _visitor?.Offer(doc.RootElement.At("responseContext", "visitorData").String());
                return doc;
            }
            catch (BodyTooLargeException ex)
            {
                // Asking again would only fetch as much once more: the track fails for now, nothing is cached.
                throw new SearchException($"{_client.ClientName} search answer could not be read: {ex.Message}; not cached, asked again next time", null, isTransient: false, ex);
            }
            catch (Exception ex) when (ex is JsonException or HttpRequestException or IOException)
            {
                throw new SearchException($"{_client.ClientName} search answer was cut or not JSON: {ex.Message}", null, isTransient: true, ex);
            }
        }
    }

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

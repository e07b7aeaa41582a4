using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MusicDl.Fakes.YouTubeMusic;

/// <summary>
/// Fake YouTube Music and plain YouTube search on a <see cref="FakeHost"/>: POST /youtubei/v1/search,
/// told apart by the body's client name (WEB_REMIX or WEB), answering in the real InnerTube shapes
/// from the songs added here. Point both <c>MUSICDL_YTMUSIC_URL</c> and <c>MUSICDL_YOUTUBE_URL</c>
/// at the host. Faults: <c>Route.Fail(...)</c>.
/// </summary>
public sealed class FakeYouTubeMusic
{
    public const string SearchPath = "/youtubei/v1/search";
    public const string SongsParams = "EgWKAQIIAWoMEA4QChADEAQQCRAF";
    public const string VideosParams = "EgWKAQIQAWoMEA4QChADEAQQCRAF";

    private readonly List<FakeSong> _songs = [];
    private readonly Dictionary<string, List<FakeSong>> _queries = new(StringComparer.OrdinalIgnoreCase);
    private readonly object _gate = new();

    public FakeYouTubeMusic(FakeHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        Host = host;
        Route = host.MapPost(SearchPath, HandleAsync);
    }

    public FakeHost Host { get; }

    /// <summary>The search route (both services): count and faults.</summary>
    public FakeRoute Route { get; }

    /// <summary>Every search request received, in order.</summary>
    public ConcurrentQueue<FakeSearchRequest> Requests { get; } = new();

    /// <summary>Answer every YouTube Music continuation request with 400 INVALID_ARGUMENT (page two refused).</summary>
    public bool RefuseContinuations { get; set; }

    /// <summary>The status of a refused continuation: 400 INVALID_ARGUMENT, or e.g. 503 for a service that is struggling.</summary>
    public int ContinuationRefusalStatus { get; set; } = 400;

    /// <summary>Results per shelf or page before a continuation token is given.</summary>
    public int PageSize { get; set; } = 20;

    /// <summary>Requests by the given client name (WEB_REMIX or WEB).</summary>
    public int CountFor(string clientName) => Requests.Count(r => r.ClientName == clientName);

    public FakeYouTubeMusic Add(params FakeSong[] songs)
    {
        lock (_gate)
        {
            _songs.AddRange(songs);
        }

        return this;
    }

    /// <summary>Makes <paramref name="query"/> answer exactly these results (in this order) instead of the automatic ones.</summary>
    public FakeYouTubeMusic MapQuery(string query, params FakeSong[] results)
    {
        lock (_gate)
        {
            _queries[Key(query)] = [.. results];
        }

        return this;
    }

    private async Task HandleAsync(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var root = body.RootElement;
        var client = root.TryGetProperty("context", out var ctx) && ctx.TryGetProperty("client", out var c) ? c : default;
        var clientName = Str(client, "clientName") ?? string.Empty;
        var urlToken = context.Request.Query["continuation"].FirstOrDefault();
        var request = new FakeSearchRequest(
            clientName,
            Str(client, "clientVersion"),
            Str(root, "query"),
            Str(root, "params"),
            urlToken ?? Str(root, "continuation"),
            context.Request.Path + context.Request.QueryString,
            context.Request.Headers.Origin.FirstOrDefault(),
            context.Request.Headers.Cookie.FirstOrDefault(),
            context.Request.ContentType,
            context.Request.Headers.UserAgent.FirstOrDefault())
        {
            VisitorIdHeader = context.Request.Headers["X-Goog-Visitor-Id"].FirstOrDefault(),
            ContextVisitorData = Str(client, "visitorData"),
            Gl = Str(client, "gl"),
        };
        Requests.Enqueue(request);

        if (clientName == "WEB_REMIX" && request.Continuation is { } asked && (RefuseContinuations || TryDecode(asked) is null))
        {
            // What YouTube answers a continuation it refuses or cannot read (a token escaped twice reads as another token).
            var status = RefuseContinuations ? ContinuationRefusalStatus : 400;
            await FakeHost.WriteJsonAsync(context, status == 400 ? InvalidArgument : "{\"error\":{\"code\":" + status.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",\"message\":\"The service is currently unavailable.\"}}", status);
            return;
        }

        JsonObject answer = clientName switch
        {
            "WEB_REMIX" => MusicAnswer(request),
            "WEB" => YouTubeAnswer(request),
            _ => new JsonObject { ["error"] = new JsonObject { ["code"] = 400, ["message"] = "Invalid client." } },
        };
        await FakeHost.WriteJsonAsync(context, answer.ToJsonString(), answer.ContainsKey("error") ? 400 : 200);
    }

    private JsonObject MusicAnswer(FakeSearchRequest r)
    {
        if (r.Continuation is { } token)
        {
            var (query, filter, offset) = Decode(token);
            var results = Results(query, filter).ToList();
            return FakeInnerTubeJson.MusicContinuation(
                results.Skip(offset).Take(PageSize).Select(s => FakeInnerTubeJson.Item(s, typeWord: false)), MusicNext(query, filter, offset + PageSize, results.Count));
        }

        var q = r.Query ?? string.Empty;
        var sections = new List<JsonObject> { FakeInnerTubeJson.Message() };
        if (r.Params is SongsParams or VideosParams)
        {
            var results = Results(q, r.Params).ToList();
            sections.Add(FakeInnerTubeJson.Shelf(
                r.Params == SongsParams ? "Titel" : "Videos",
                results.Take(PageSize).Select(s => FakeInnerTubeJson.Item(s, typeWord: false)),
                MusicNext(q, r.Params, PageSize, results.Count)));
            return FakeInnerTubeJson.MusicAnswer(sections);
        }

        var all = Results(q, null).ToList();
        if (all.Count == 0)
        {
            return FakeInnerTubeJson.MusicAnswer(sections);
        }

        // Unfiltered: a top-result card with two more items, then songs, videos, albums and artists shelves.
        var songs = all.Where(s => s.IsSong).ToList();
        var videos = all.Where(s => !s.IsSong).ToList();
        // The card is a result YouTube Music can play; greyed-out ones show only as rows.
        var top = all.FirstOrDefault(s => !s.GreyedOut) ?? all[0];
        sections.Add(FakeInnerTubeJson.Card(top, all.Where(s => s != top).Take(2).Select(s => FakeInnerTubeJson.Item(s, typeWord: true))));
        if (songs.Count > 0)
        {
            sections.Add(FakeInnerTubeJson.Shelf("Titel", songs.Take(3).Select(s => FakeInnerTubeJson.Item(s, typeWord: false)), null));
        }

        if (videos.Count > 0)
        {
            sections.Add(FakeInnerTubeJson.Shelf("Videos", videos.Take(3).Select(s => FakeInnerTubeJson.Item(s, typeWord: true)), null));
        }

        var albums = songs.Where(s => s.Album is not null).DistinctBy(s => s.Album).Take(3).ToList();
        if (albums.Count > 0)
        {
            sections.Add(FakeInnerTubeJson.Shelf("Alben", albums.Select(s => FakeInnerTubeJson.AlbumItem(s.Album!, s.Artists.FirstOrDefault() ?? "?")), null));
        }

        sections.Add(FakeInnerTubeJson.Shelf("Künstler", all.SelectMany(s => s.Artists).Distinct().Take(3).Select(FakeInnerTubeJson.ArtistItem), null));
        return FakeInnerTubeJson.MusicAnswer(sections);
    }

    private JsonObject YouTubeAnswer(FakeSearchRequest r)
    {
        if (r.Continuation is { } token)
        {
            var (query, _, offset) = Decode(token);
            var results = Results(query, null).ToList();
            return FakeInnerTubeJson.YouTubeContinuation(
                results.Skip(offset).Take(PageSize).Select(FakeInnerTubeJson.VideoRenderer), Next(query, null, offset + PageSize, results.Count));
        }

        var q = r.Query ?? string.Empty;
        var all = Results(q, null).ToList();
        var items = FakeInnerTubeJson.YouTubeNoise().Take(1)
            .Concat(all.Take(PageSize).Select(FakeInnerTubeJson.VideoRenderer))
            .Concat(FakeInnerTubeJson.YouTubeNoise().Skip(1));
        return FakeInnerTubeJson.YouTubeAnswer(items, Next(q, null, PageSize, all.Count));
    }

    /// <summary>The mapped results, else the ISRC's song, else songs whose title or an artist the query names (title hits first).</summary>
    private IEnumerable<FakeSong> Results(string query, string? filter)
    {
        List<FakeSong> found;
        lock (_gate)
        {
            if (_queries.TryGetValue(Key(query), out var mapped))
            {
                found = mapped;
            }
            else if (_songs.Where(s => string.Equals(s.Isrc, query.Trim(), StringComparison.OrdinalIgnoreCase)).ToList() is { Count: > 0 } byIsrc)
            {
                found = byIsrc;
            }
            else
            {
                var q = Key(query);
                found = _songs
                    .Select(s => (Song: s, Rank: (q.Contains(Key(s.Title), StringComparison.Ordinal) ? 2 : 0) + (s.Artists.Any(a => q.Contains(Key(a), StringComparison.Ordinal)) ? 1 : 0)))
                    .Where(x => x.Rank > 0)
                    .OrderByDescending(x => x.Rank)
                    .Select(x => x.Song)
                    .ToList();
            }
        }

        return filter switch
        {
            SongsParams => found.Where(s => s.IsSong),
            VideosParams => found.Where(s => !s.IsSong),
            _ => found,
        };
    }

    private const string InvalidArgument = """{"error":{"code":400,"message":"Request contains an invalid argument.","status":"INVALID_ARGUMENT"}}""";

    private static string? Next(string query, string? filter, int offset, int total) =>
        offset < total ? Convert.ToBase64String(Encoding.UTF8.GetBytes($"{offset}\n{filter}\n{query}")) : null;

    /// <summary>
    /// YouTube Music's next-page token as its answers carry it: base64 ending in padding, already percent-encoded
    /// ("...%3D%3D"). The payload is padded with blanks (ignored by the query match) so that "==" always ends it.
    /// </summary>
    private static string? MusicNext(string query, string? filter, int offset, int total)
    {
        if (offset >= total)
        {
            return null;
        }

        var payload = $"{offset}\n{filter}\n{query}";
        while (Encoding.UTF8.GetByteCount(payload) % 3 != 1)
        {
            payload += " ";
        }

        return Uri.EscapeDataString(Convert.ToBase64String(Encoding.UTF8.GetBytes(payload)));
    }

    private static (string Query, string? Filter, int Offset) Decode(string token) =>
        TryDecode(token) ?? throw new FormatException("not a token of this fake: " + token);

    // The token as the URL (decoded once by the server) or the body carries it: plain base64.
    private static (string Query, string? Filter, int Offset)? TryDecode(string token)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('\n', 3);
            return parts.Length == 3 && int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var offset)
                ? (parts[2], parts[1].Length == 0 ? null : parts[1], offset)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Key(string text) => string.Join(' ', text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

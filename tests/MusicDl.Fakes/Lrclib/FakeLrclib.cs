using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MusicDl.Fakes.Lrclib;

/// <summary>
/// Fake LRCLIB on a <see cref="FakeHost"/>: <c>GET /api/get</c> (track, artist and album names compared without
/// case, duration within 2 s; 404 <c>TrackNotFound</c> otherwise, 400 when a parameter is missing) and
/// <c>GET /api/search</c> (names containing the words asked), in LRCLIB's camelCase records. Point
/// <c>MUSICDL_LRCLIB_URL</c> at the host.
/// </summary>
public sealed class FakeLrclib : FakeOpenService
{
    public const string GetPath = "/api/get";
    public const string SearchPath = "/api/search";

    private readonly List<FakeLyrics> _records = [];
    private readonly Lock _gate = new();
    private long _nextId = 1000;

    public FakeLrclib(FakeHost host)
        : base(host)
    {
        GetRoute = MapGet(GetPath, HandleGetAsync);
        SearchRoute = MapGet(SearchPath, HandleSearchAsync);
    }

    public FakeRoute GetRoute { get; }

    public FakeRoute SearchRoute { get; }

    public FakeLrclib Add(params FakeLyrics[] records)
    {
        lock (_gate)
        {
            foreach (var r in records)
            {
                _records.Add(r.Id == 0 ? r with { Id = ++_nextId } : r);
            }
        }

        return this;
    }

    private static string? Query(HttpContext context, string name) => context.Request.Query[name].FirstOrDefault();

    private static bool Same(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);

    private static JsonObject Json(FakeLyrics r) => new()
    {
        ["id"] = r.Id,
        ["name"] = r.TrackName,
        ["trackName"] = r.TrackName,
        ["artistName"] = r.ArtistName,
        ["albumName"] = r.AlbumName,
        ["duration"] = r.Duration,
        ["instrumental"] = r.Instrumental,
        ["plainLyrics"] = r.PlainLyrics,
        ["syncedLyrics"] = r.SyncedLyrics,
    };

    private Task HandleGetAsync(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var track = Query(context, "track_name");
        var artist = Query(context, "artist_name");
        var album = Query(context, "album_name");
        if (string.IsNullOrEmpty(track) || string.IsNullOrEmpty(artist) || album is null
            || !double.TryParse(Query(context, "duration"), NumberStyles.Float, CultureInfo.InvariantCulture, out var duration))
        {
            return FakeHost.WriteJsonAsync(context, """{"code":400,"name":"ValidationError","message":"track_name, artist_name, album_name and duration are required"}""", 400);
        }

        FakeLyrics? found;
        lock (_gate)
        {
            found = _records.FirstOrDefault(r => Same(r.TrackName, track) && Same(r.ArtistName, artist) && Same(r.AlbumName, album) && Math.Abs(r.Duration - duration) <= 2);
        }

        return found is null
            ? FakeHost.WriteJsonAsync(context, """{"code":404,"name":"TrackNotFound","message":"Failed to find specified track"}""", 404)
            : FakeHost.WriteJsonAsync(context, Json(found).ToJsonString());
    }

    private Task HandleSearchAsync(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var track = Query(context, "track_name") ?? Query(context, "q");
        var artist = Query(context, "artist_name");
        if (string.IsNullOrEmpty(track))
        {
            return FakeHost.WriteJsonAsync(context, """{"code":400,"name":"ValidationError","message":"q or track_name is required"}""", 400);
        }

        JsonArray list;
        lock (_gate)
        {
            list = new JsonArray(_records
                .Where(r => r.TrackName.Contains(track, StringComparison.OrdinalIgnoreCase)
                    && (artist is null || r.ArtistName.Contains(artist, StringComparison.OrdinalIgnoreCase)))
                .Select(r => (JsonNode)Json(r))
                .ToArray());
        }

        return FakeHost.WriteJsonAsync(context, list.ToJsonString());
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MusicDl.Fakes.Spotify;

/// <summary>
/// Spotify's public embed pages (<c>/embed/{track|album|playlist}/{id}</c>), written from the facts in protocols.md:
/// an HTML page whose <c>__NEXT_DATA__</c> script holds <c>props.pageProps.state.data.entity</c>, with the anonymous
/// web-player token beside it (which musicdl must never read). A playlist page lists at most its first 100 entries
/// and no total, leaves out local files and removed entries, and serves Spotify-made playlists the Web API answers
/// 404 for. No cookie or token is needed.
/// </summary>
public sealed partial class FakeSpotify
{
    /// <summary>What the pages look like: as documented, or as if Spotify had changed them.</summary>
    public FakePageShape PageShape { get; set; } = FakePageShape.Documented;

    /// <summary>Requests for embed pages, any kind.</summary>
    public int PageRequests => Host.CountUnder("/embed/");

    /// <summary>Requests that carried an Authorization header or a cookie to a page (musicdl sends neither).</summary>
    public int PageRequestsWithCredentials => Volatile.Read(ref _pageRequestsWithCredentials);

    private int _pageRequestsWithCredentials;

    private void RegisterPages()
    {
        Host.MapGet("/embed/track/{id}", (c, v) => Page(c, v["id"], TrackEntity));
        Host.MapGet("/embed/album/{id}", (c, v) => Page(c, v["id"], AlbumEntity));
        Host.MapGet("/embed/playlist/{id}", (c, v) => Page(c, v["id"], PlaylistEntity));
    }

    private Task Page(HttpContext context, string id, Func<string, JsonObject?> entity)
    {
        if (context.Request.Headers.Authorization.Count > 0 || context.Request.Headers.Cookie.Count > 0)
        {
            Interlocked.Increment(ref _pageRequestsWithCredentials);
        }

        JsonObject? found;
        lock (_gate)
        {
            found = entity(id);
        }

        if (found is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync("<!DOCTYPE html><html><body>Page not found</body></html>");
        }

        var html = PageShape switch
        {
            FakePageShape.NoNextData => "<!DOCTYPE html><html><head><title>Spotify</title></head><body><div id=\"root\"></div><script src=\"/app.js\"></script></body></html>",
            FakePageShape.OtherJson => Html(new JsonObject { ["props"] = new JsonObject { ["pageProps"] = new JsonObject { ["state"] = new JsonObject { ["data"] = new JsonObject { ["entity"] = new JsonObject { ["kind"] = 3, ["content"] = new JsonArray() } } } } } }),
            _ => Html(Next(found)),
        };
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(html);
    }

    private static JsonObject Next(JsonObject entity) => new()
    {
        ["props"] = new JsonObject
        {
            ["pageProps"] = new JsonObject
            {
                ["state"] = new JsonObject
                {
                    ["data"] = new JsonObject { ["entity"] = entity, ["embeded_entity_uri"] = entity["uri"]?.GetValue<string>() },
                    ["settings"] = new JsonObject
                    {
                        ["rtl"] = false,
                        // The anonymous web-player token every page carries; reading it is forbidden (protocols.md).
                        ["session"] = new JsonObject { ["accessToken"] = "FAKE-ANONYMOUS-WEB-PLAYER-TOKEN", ["accessTokenExpirationTimestampMs"] = 1_900_000_000_000L, ["isAnonymous"] = true },
                        ["entityContext"] = "playlist",
                    },
                },
                ["config"] = new JsonObject { ["correlationId"] = "0f0e0d0c", ["locale"] = "en" },
            },
            ["__N_SSP"] = true,
        },
        ["page"] = "/embed/[type]/[id]",
        ["buildId"] = "fake-build",
        ["isFallback"] = false,
    };

    // Next.js escapes '<' inside the script, so no title can close it early.
    private static string Html(JsonObject next) =>
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"/><title>Spotify Embed</title></head><body><div id=\"__next\"></div>"
        + "<script id=\"__NEXT_DATA__\" type=\"application/json\">" + next.ToJsonString().Replace("<", "\\u003c", StringComparison.Ordinal) + "</script></body></html>";

    private JsonObject? TrackEntity(string id)
    {
        if (!_tracks.TryGetValue(id, out var track))
        {
            return null;
        }

        var album = _trackAlbum[id];
        var entity = Entity("track", id, track.Name, ArtistNames(track.ArtistIds), album);
        entity["artists"] = new JsonArray(track.ArtistIds.Select(a => (JsonNode?)new JsonObject { ["name"] = ArtistName(a), ["uri"] = $"spotify:artist:{a}" }).ToArray());
        entity["duration"] = track.DurationMs;
        entity["isExplicit"] = track.Explicit;
        entity["isPlayable"] = track.Playable;
        entity["audioPreview"] = new JsonObject { ["format"] = "MP3_96", ["url"] = $"https://p.scdn.co/mp3-preview/{id}" };
        return entity;
    }

    private JsonObject? AlbumEntity(string id)
    {
        if (!_albums.TryGetValue(id, out var album))
        {
            return null;
        }

        var entity = Entity("album", id, album.Name, ArtistNames(album.ArtistIds), album);
        entity["trackList"] = new JsonArray(album.Tracks.Select(t => (JsonNode?)ListItem(t)).ToArray());
        return entity;
    }

    private JsonObject? PlaylistEntity(string id)
    {
        if (!_playlists.TryGetValue(id, out var playlist))
        {
            return null;
        }

        var entity = Entity("playlist", id, playlist.Name, playlist.OwnerId, album: null);
        var items = new JsonArray();
        foreach (var entry in playlist.Entries)
        {
            if (items.Count == 100)
            {
                break;
            }

            switch (entry.Kind)
            {
                case FakeEntryKind.Track when entry.TrackId is { } trackId && _tracks.TryGetValue(trackId, out var track):
                    items.Add(ListItem(track));
                    break;
                case FakeEntryKind.Episode:
                    items.Add(new JsonObject
                    {
                        ["uri"] = $"spotify:episode:{FakeSpotifyIds.Next("ep")}",
                        ["uid"] = Guid.NewGuid().ToString("N")[..20],
                        ["title"] = entry.Name,
                        ["subtitle"] = "A Podcast",
                        ["duration"] = 1_800_000,
                        ["isExplicit"] = false,
                        ["isPlayable"] = true,
                    });
                    break;
                default:
                    // Local files and removed entries are not listed on the page.
                    break;
            }
        }

        entity["trackList"] = items;
        return entity;
    }

    private JsonObject ListItem(FakeTrack track) => new()
    {
        ["uri"] = $"spotify:track:{track.Id}",
        ["uid"] = track.Id[..10].ToLowerInvariant(),
        ["title"] = track.Name,
        ["subtitle"] = ArtistNames(track.ArtistIds),
        ["duration"] = track.DurationMs,
        ["isExplicit"] = track.Explicit,
        ["isPlayable"] = track.Playable,
        ["audioPreview"] = new JsonObject { ["format"] = "MP3_96", ["url"] = $"https://p.scdn.co/mp3-preview/{track.Id}" },
    };

    private JsonObject Entity(string type, string id, string name, string subtitle, FakeAlbum? album)
    {
        var entity = new JsonObject
        {
            ["type"] = type,
            ["name"] = name,
            ["uri"] = $"spotify:{type}:{id}",
            ["id"] = id,
            ["title"] = name,
            ["subtitle"] = subtitle,
            ["isPlayable"] = true,
            ["relatedEntityUri"] = null,
        };
        var coverId = album?.Id ?? id;
        entity["coverArt"] = new JsonObject
        {
            ["extractedColors"] = new JsonObject { ["colorDark"] = new JsonObject { ["hex"] = "#535353" } },
            ["sources"] = new JsonArray(Covers(coverId).Select(c => (JsonNode?)new JsonObject { ["url"] = c.Url.AbsoluteUri, ["width"] = c.Size, ["height"] = c.Size }).ToArray()),
        };
        entity["releaseDate"] = album is null
            ? null
            : new JsonObject { ["isoString"] = ReleaseIso(album) };
        return entity;
    }

    private static string ReleaseIso(FakeAlbum album)
    {
        var date = album.ReleaseDate.Length switch
        {
            4 => album.ReleaseDate + "-01-01",
            7 => album.ReleaseDate + "-01",
            _ => album.ReleaseDate,
        };
        return DateTime.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("yyyy-MM-dd'T'00:00:00'Z'", CultureInfo.InvariantCulture);
    }

    private string ArtistName(string id) => _artists.TryGetValue(id, out var a) ? a.Name : id;

    private string ArtistNames(IEnumerable<string> ids)
    {
        var text = new StringBuilder();
        foreach (var id in ids)
        {
            text.Append(text.Length == 0 ? string.Empty : ", ").Append(ArtistName(id));
        }

        return text.ToString();
    }
}

/// <summary>How the fake's public pages are shaped.</summary>
public enum FakePageShape
{
    /// <summary>As protocols.md records them.</summary>
    Documented,

    /// <summary>No <c>__NEXT_DATA__</c> script at all.</summary>
    NoNextData,

    /// <summary>A <c>__NEXT_DATA__</c> whose entity is JSON of another shape.</summary>
    OtherJson,
}

using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MusicDl.Fakes.Spotify;

/// <summary>The Web API routes under /v1.</summary>
public sealed partial class FakeSpotify
{
    private void RegisterApi()
    {
        Host.MapGet("/v1/tracks/{id}", Api(GetTrack));
        Host.MapGet("/v1/albums/{id}", Api(GetAlbum));
        Host.MapGet("/v1/albums/{id}/tracks", Api(GetAlbumTracks));
        Host.MapGet("/v1/artists/{id}", Api(GetArtist));
        Host.MapGet("/v1/artists/{id}/albums", Api(GetArtistAlbums));
        Host.MapGet("/v1/playlists/{id}", Api(GetPlaylist));
        Host.MapGet("/v1/playlists/{id}/items", Api((c, v, u) => GetPlaylistItems(c, v, u, FakePlaylistDialect.Items)));
        Host.MapGet("/v1/playlists/{id}/tracks", Api((c, v, u) => GetPlaylistItems(c, v, u, FakePlaylistDialect.Tracks)));
        Host.MapGet("/v1/me", Api(GetMe));
        Host.MapGet("/v1/me/tracks", Api(GetSavedTracks));
    }

    private Func<HttpContext, IReadOnlyDictionary<string, string>, Task> Api(Func<HttpContext, IReadOnlyDictionary<string, string>, string, Task> handler) =>
        async (context, values) =>
        {
            var user = await AuthorizeRequestAsync(context).ConfigureAwait(false);
            if (user is not null)
            {
                await handler(context, values, user).ConfigureAwait(false);
            }
        };

    private Task GetTrack(HttpContext context, IReadOnlyDictionary<string, string> values, string user)
    {
        lock (_gate)
        {
            if (!_tracks.TryGetValue(values["id"], out var track))
            {
                return Error(context, 404, "Resource not found");
            }

            return Json(context, TrackJson(track, _trackAlbum[track.Id], full: true, Market(context)));
        }
    }

    private Task GetAlbum(HttpContext context, IReadOnlyDictionary<string, string> values, string user)
    {
        lock (_gate)
        {
            if (!_albums.TryGetValue(values["id"], out var album))
            {
                return Error(context, 404, "Resource not found");
            }

            var json = AlbumJson(album, full: true);
            var market = Market(context);
            json["tracks"] = Page(
                context,
                $"/v1/albums/{album.Id}/tracks",
                album.Tracks.Select(t => (JsonNode?)TrackJson(t, album, full: false, market)).ToList(),
                offset: 0,
                limit: 50);
            return Json(context, json);
        }
    }

    private Task GetAlbumTracks(HttpContext context, IReadOnlyDictionary<string, string> values, string user)
    {
        lock (_gate)
        {
            if (!_albums.TryGetValue(values["id"], out var album))
            {
                return Error(context, 404, "Resource not found");
            }

            if (!TryPaging(context, 50, out var offset, out var limit))
            {
                return Error(context, 400, "Invalid limit");
            }

            var market = Market(context);
            return Json(context, Page(context, context.Request.Path, album.Tracks.Select(t => (JsonNode?)TrackJson(t, album, full: false, market)).ToList(), offset, limit));
        }
    }

    private Task GetArtist(HttpContext context, IReadOnlyDictionary<string, string> values, string user)
    {
        lock (_gate)
        {
            if (!_artists.TryGetValue(values["id"], out var artist))
            {
                return Error(context, 404, "Resource not found");
            }

            var json = ArtistJson(values["id"]);
            if (!ArtistGenresWithheld)
            {
                json["genres"] = new JsonArray(artist.Genres.Select(g => (JsonNode?)g).ToArray());
                json["followers"] = new JsonObject { ["href"] = null, ["total"] = 1234 };
            }

            return Json(context, json);
        }
    }

    private Task GetArtistAlbums(HttpContext context, IReadOnlyDictionary<string, string> values, string user)
    {
        lock (_gate)
        {
            var id = values["id"];
            if (!_artists.ContainsKey(id))
            {
                return Error(context, 404, "Resource not found");
            }

            // Since 2026 at most 10 a page.
            if (!TryPaging(context, 10, out var offset, out var limit))
            {
                return Error(context, 400, "Invalid limit");
            }

            var groups = context.Request.Query["include_groups"].ToString();
            var wanted = string.IsNullOrEmpty(groups) ? ["album", "single", "compilation", "appears_on"] : groups.Split(',');
            var albums = _albumOrder
                .Select(a => (Album: a, Group: a.ArtistIds.Contains(id) ? a.AlbumType : a.Tracks.Any(t => t.ArtistIds.Contains(id)) ? "appears_on" : null))
                .Where(x => x.Group is not null && wanted.Contains(x.Group))
                .Select(x =>
                {
                    var json = AlbumJson(x.Album, full: false);
                    json["album_group"] = x.Group;
                    return (JsonNode?)json;
                })
                .ToList();
            return Json(context, Page(context, context.Request.Path, albums, offset, limit));
        }
    }

    private Task GetPlaylist(HttpContext context, IReadOnlyDictionary<string, string> values, string user)
    {
        lock (_gate)
        {
            if (!_playlists.TryGetValue(values["id"], out var playlist) || playlist.Access == FakePlaylistAccess.Editorial)
            {
                return Error(context, 404, "Resource not found");
            }

            var json = new JsonObject
            {
                ["collaborative"] = playlist.Collaborators.Count > 0,
                ["description"] = string.Empty,
                ["href"] = $"{NextHost}/v1/playlists/{playlist.Id}",
                ["id"] = playlist.Id,
                ["images"] = new JsonArray(),
                ["name"] = playlist.Name,
                ["owner"] = new JsonObject { ["id"] = playlist.OwnerId, ["display_name"] = playlist.OwnerId, ["type"] = "user" },
                ["public"] = true,
                ["snapshot_id"] = playlist.SnapshotId,
                ["type"] = "playlist",
                ["uri"] = $"spotify:playlist:{playlist.Id}",
            };

            // Development Mode: metadata only, unless the user owns or collaborates on it. The first page is built only
            // when the fields ask for it: a 10,000-entry playlist cost the snapshot request half a second (bench/).
            var fields = context.Request.Query["fields"].ToString();
            var key = Dialect == FakePlaylistDialect.Items ? "items" : "tracks";
            if (MayReadItems(playlist, user) && (string.IsNullOrWhiteSpace(fields) || fields.Contains(key, StringComparison.Ordinal)))
            {
                var limit = Dialect == FakePlaylistDialect.Items ? 50 : 100;
                json[key] = Page(context, $"/v1/playlists/{playlist.Id}/{key}", EntriesJson(playlist, Market(context)), 0, limit);
            }

            return Json(context, Filter(json, fields));
        }
    }

    private Task GetPlaylistItems(HttpContext context, IReadOnlyDictionary<string, string> values, string user, FakePlaylistDialect route)
    {
        lock (_gate)
        {
            if (route != Dialect || !_playlists.TryGetValue(values["id"], out var playlist) || playlist.Access == FakePlaylistAccess.Editorial)
            {
                return Error(context, 404, "Resource not found");
            }

            if (!MayReadItems(playlist, user))
            {
                return Error(context, 403, "Forbidden");
            }

            if (!TryPaging(context, route == FakePlaylistDialect.Items ? 50 : 100, out var offset, out var limit))
            {
                return Error(context, 400, "Invalid limit");
            }

            return Json(context, Page(context, context.Request.Path, EntriesJson(playlist, Market(context)), offset, limit));
        }
    }

    private Task GetMe(HttpContext context, IReadOnlyDictionary<string, string> values, string user)
    {
        if (user.Length == 0)
        {
            return Error(context, 401, "This request needs a user token");
        }

        // Since February 2026 Development Mode answers no country, email or product.
        return Json(context, new JsonObject
        {
            ["display_name"] = UserDisplayName,
            ["id"] = user,
            ["type"] = "user",
            ["uri"] = $"spotify:user:{user}",
        });
    }

    private Task GetSavedTracks(HttpContext context, IReadOnlyDictionary<string, string> values, string user)
    {
        if (user.Length == 0)
        {
            return Error(context, 403, "This request needs a user token");
        }

        lock (_gate)
        {
            if (!TryPaging(context, 50, out var offset, out var limit))
            {
                return Error(context, 400, "Invalid limit");
            }

            var market = Market(context);
            var items = _saved
                .OrderByDescending(s => s.AddedAt)
                .Select(s => (JsonNode?)new JsonObject
                {
                    ["added_at"] = s.AddedAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                    ["track"] = TrackJson(_tracks[s.TrackId], _trackAlbum[s.TrackId], full: true, market),
                })
                .ToList();
            return Json(context, Page(context, context.Request.Path, items, offset, limit));
        }
    }

    private static bool MayReadItems(FakePlaylist playlist, string user) => playlist.Access switch
    {
        FakePlaylistAccess.Anyone => true,
        FakePlaylistAccess.OwnerOrCollaborator => user.Length > 0 && (user == playlist.OwnerId || playlist.Collaborators.Contains(user)),
        _ => false,
    };

    private static string? Market(HttpContext context) =>
        context.Request.Query.TryGetValue("market", out var m) && m.Count > 0 ? m.ToString() : null;

    private static bool TryPaging(HttpContext context, int max, out int offset, out int limit)
    {
        offset = int.TryParse(context.Request.Query["offset"], CultureInfo.InvariantCulture, out var o) ? o : 0;
        limit = int.TryParse(context.Request.Query["limit"], CultureInfo.InvariantCulture, out var l) ? l : Math.Min(20, max);
        return limit is >= 1 && limit <= max && offset >= 0;
    }

    private static Task Json(HttpContext context, JsonNode json) => FakeHost.WriteJsonAsync(context, json.ToJsonString());
}

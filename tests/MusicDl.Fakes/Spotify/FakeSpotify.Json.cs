using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MusicDl.Fakes.Spotify;

/// <summary>The JSON shapes of the objects, modelled on recorded answers.</summary>
public sealed partial class FakeSpotify
{
    private JsonObject ArtistJson(string id)
    {
        var name = _artists.TryGetValue(id, out var a) ? a.Name : id;
        return new JsonObject
        {
            ["external_urls"] = new JsonObject { ["spotify"] = $"https://open.spotify.com/artist/{id}" },
            ["href"] = $"{NextHost}/v1/artists/{id}",
            ["id"] = id,
            ["name"] = name,
            ["type"] = "artist",
            ["uri"] = $"spotify:artist:{id}",
        };
    }

    private JsonArray ArtistsJson(IEnumerable<string> ids) => new(ids.Select(id => (JsonNode?)ArtistJson(id)).ToArray());

    private JsonObject AlbumJson(FakeAlbum album, bool full)
    {
        var json = new JsonObject
        {
            ["album_type"] = album.AlbumType,
            ["total_tracks"] = album.Tracks.Count,
            ["available_markets"] = new JsonArray(),
            ["external_urls"] = new JsonObject { ["spotify"] = $"https://open.spotify.com/album/{album.Id}" },
            ["href"] = $"{NextHost}/v1/albums/{album.Id}",
            ["id"] = album.Id,
            ["images"] = new JsonArray(
                Covers(album.Id).Select(cover => (JsonNode?)new JsonObject
                {
                    ["url"] = cover.Url.AbsoluteUri,
                    ["height"] = cover.Size,
                    ["width"] = cover.Size,
                }).ToArray()),
            ["name"] = album.Name,
            ["release_date"] = album.ReleaseDate,
            ["release_date_precision"] = album.ReleaseDatePrecision,
            ["type"] = "album",
            ["uri"] = $"spotify:album:{album.Id}",
            ["artists"] = ArtistsJson(album.ArtistIds),
        };
        if (full)
        {
            var copyrights = new JsonArray();
            if (album.CopyrightC is { } c)
            {
                copyrights.Add(new JsonObject { ["text"] = c, ["type"] = "C" });
            }

            if (album.CopyrightP is { } p)
            {
                copyrights.Add(new JsonObject { ["text"] = p, ["type"] = "P" });
            }

            json["copyrights"] = copyrights;
            json["external_ids"] = album.Upc is null ? new JsonObject() : new JsonObject { ["upc"] = album.Upc };
            json["genres"] = new JsonArray();
            if (album.Label is not null)
            {
                json["label"] = album.Label;
            }
        }

        return json;
    }

    private JsonObject TrackJson(FakeTrack track, FakeAlbum album, bool full, string? market)
    {
        var json = new JsonObject
        {
            ["artists"] = ArtistsJson(track.ArtistIds),
            ["disc_number"] = track.DiscNumber,
            ["duration_ms"] = track.DurationMs,
            ["explicit"] = track.Explicit,
            ["external_urls"] = new JsonObject { ["spotify"] = $"https://open.spotify.com/track/{track.Id}" },
            ["href"] = $"{NextHost}/v1/tracks/{track.Id}",
            ["id"] = track.Id,
            ["name"] = track.Name,
            ["track_number"] = track.TrackNumber,
            ["type"] = "track",
            ["uri"] = $"spotify:track:{track.Id}",
            ["is_local"] = false,
        };
        if (full)
        {
            json["album"] = AlbumJson(album, full: false);
            json["external_ids"] = track.Isrc is null ? new JsonObject() : new JsonObject { ["isrc"] = track.Isrc };
            json["popularity"] = 0;
        }

        if (market is not null)
        {
            json["is_playable"] = track.Playable;
        }

        return json;
    }

    private List<JsonNode?> EntriesJson(FakePlaylist playlist, string? market)
    {
        var key = Dialect == FakePlaylistDialect.Items ? "item" : "track";
        var list = new List<JsonNode?>();
        var n = 0;
        foreach (var entry in playlist.Entries)
        {
            n++;
            JsonNode? content = entry.Kind switch
            {
                FakeEntryKind.Track when _tracks.TryGetValue(entry.TrackId!, out var t) => TrackJson(t, _trackAlbum[t.Id], full: true, market),
                FakeEntryKind.Local => new JsonObject
                {
                    ["id"] = null,
                    ["name"] = entry.Name,
                    ["type"] = "track",
                    ["uri"] = $"spotify:local:::{Uri.EscapeDataString(entry.Name ?? string.Empty)}:180",
                    ["is_local"] = true,
                    ["artists"] = new JsonArray(new JsonObject { ["id"] = null, ["name"] = "Someone", ["type"] = "artist" }),
                    ["album"] = new JsonObject { ["id"] = null, ["name"] = string.Empty, ["type"] = "album", ["images"] = new JsonArray() },
                    ["duration_ms"] = 180_000,
                },
                FakeEntryKind.Episode => new JsonObject
                {
                    ["id"] = FakeSpotifyIds.Make("ep", n),
                    ["name"] = entry.Name,
                    ["type"] = "episode",
                    ["uri"] = $"spotify:episode:{FakeSpotifyIds.Make("ep", n)}",
                    ["duration_ms"] = 1_800_000,
                    ["explicit"] = false,
                    ["show"] = new JsonObject { ["name"] = "A Show", ["type"] = "show" },
                },
                _ => null,
            };
            list.Add(new JsonObject
            {
                ["added_at"] = "2024-05-01T10:00:00Z",
                ["added_by"] = new JsonObject { ["id"] = playlist.OwnerId, ["type"] = "user" },
                ["is_local"] = entry.Kind == FakeEntryKind.Local,
                ["primary_color"] = null,
                [key] = content,
            });
        }

        return list;
    }

    /// <summary>A paging object over <paramref name="all"/>; next/previous keep the request's other query parameters.</summary>
    private JsonObject Page(HttpContext context, string path, List<JsonNode?> all, int offset, int limit)
    {
        limit = Math.Min(limit, PageSize ?? limit);
        var extra = string.Concat(context.Request.Query
            .Where(q => q.Key is not ("offset" or "limit" or "fields"))
            .Select(q => $"&{q.Key}={Uri.EscapeDataString(q.Value.ToString())}"));
        string Link(int o) => $"{NextHost}{path}?offset={o.ToString(CultureInfo.InvariantCulture)}&limit={limit.ToString(CultureInfo.InvariantCulture)}{extra}";
        var slice = all.Skip(offset).Take(limit).Select(n => n?.DeepClone()).ToArray();
        return new JsonObject
        {
            ["href"] = Link(offset),
            ["items"] = new JsonArray(slice),
            ["limit"] = limit,
            ["next"] = offset + limit < all.Count ? Link(offset + limit) : null,
            ["offset"] = offset,
            ["previous"] = offset > 0 ? Link(Math.Max(0, offset - limit)) : null,
            ["total"] = all.Count,
        };
    }

    /// <summary>The <c>fields</c> filter, at the top level: "snapshot_id" or "id,name,owner(id)" keeps those keys.</summary>
    private static JsonNode Filter(JsonObject json, string fields)
    {
        if (string.IsNullOrWhiteSpace(fields))
        {
            return json;
        }

        var keep = new HashSet<string>(StringComparer.Ordinal);
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= fields.Length; i++)
        {
            var c = i < fields.Length ? fields[i] : ',';
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0)
            {
                var part = fields[start..i];
                var cut = part.IndexOfAny(['(', '.']);
                keep.Add((cut < 0 ? part : part[..cut]).Trim());
                start = i + 1;
            }
        }

        var filtered = new JsonObject();
        foreach (var (key, value) in json)
        {
            if (keep.Contains(key))
            {
                filtered[key] = value?.DeepClone();
            }
        }

        return filtered;
    }
}

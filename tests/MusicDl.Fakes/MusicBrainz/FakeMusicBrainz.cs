using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MusicDl.Fakes.MusicBrainz;

/// <summary>
/// Fake MusicBrainz web service on a <see cref="FakeHost"/>: <c>GET /ws/2/isrc/{isrc}</c> and
/// <c>GET /ws/2/release-group/{id}</c>, JSON only with <c>fmt=json</c>, honouring <c>inc</c> as the real service
/// does (artist credits, releases and genres only when asked), 404 for what it does not know, (a 503 "slow down" is a
/// route fault). Point
/// <c>MUSICDL_MUSICBRAINZ_URL</c> at the host.
/// </summary>
public sealed class FakeMusicBrainz : FakeOpenService
{
    public const string IsrcPath = "/ws/2/isrc/{isrc}";
    public const string ReleaseGroupPath = "/ws/2/release-group/{id}";
    public const string RecordingSearchPath = "/ws/2/recording";

    private readonly ConcurrentDictionary<string, List<FakeMbRecording>> _byIsrc = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, IReadOnlyList<FakeMbGenre>> _groupGenres = new(StringComparer.OrdinalIgnoreCase);

    public FakeMusicBrainz(FakeHost host)
        : base(host)
    {
        IsrcRoute = MapGet(IsrcPath, HandleIsrcAsync);
        ReleaseGroupRoute = MapGet(ReleaseGroupPath, HandleReleaseGroupAsync);
        SearchRoute = MapGet(RecordingSearchPath, HandleSearchAsync);
    }

    /// <summary>The recording search (<c>?query=recording:"T" AND artist:"A" AND dur:[a TO b]</c>).</summary>
    public FakeRoute SearchRoute { get; }

    /// <summary>The last search query received, as sent (decoded once by the host).</summary>
    public string? LastSearchQuery { get; private set; }

    public FakeRoute IsrcRoute { get; }

    public FakeRoute ReleaseGroupRoute { get; }

    public FakeMusicBrainz Add(string isrc, params FakeMbRecording[] recordings)
    {
        _byIsrc.AddOrUpdate(isrc, _ => [.. recordings], (_, list) =>
        {
            lock (list)
            {
                list.AddRange(recordings);
            }

            return list;
        });
        return this;
    }

    public FakeMusicBrainz SetReleaseGroupGenres(string releaseGroupId, params FakeMbGenre[] genres)
    {
        _groupGenres[releaseGroupId] = genres;
        return this;
    }

    /// <summary>
    /// The UUID the fake serves for a test's readable id ("rec-1"): the same every time; a UUID stays as it is. Real
    /// MusicBrainz ids are UUIDs, and musicdl keeps no other.
    /// </summary>
    public static string Uuid(string label)
    {
        if (Guid.TryParseExact(label, "D", out var given))
        {
            return given.ToString("D");
        }

        var hash = System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(label));
        return new Guid(hash).ToString("D");
    }

    private static string? MaybeUuid(string? label) => label is null ? null : Uuid(label);

    private static Task NotFound(HttpContext context) =>
        FakeHost.WriteJsonAsync(context, """{"error":"Not Found","help":"For usage, please see: https://musicbrainz.org/development/mmd"}""", 404);

    private static JsonArray Genres(IEnumerable<FakeMbGenre> genres) =>
        new(genres.Select(g => (JsonNode)new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = g.Name, ["count"] = g.Count, ["disambiguation"] = string.Empty }).ToArray());

    private static JsonArray Credit(IReadOnlyList<FakeMbArtist> artists) =>
        new(artists.Select((a, i) => (JsonNode)new JsonObject
        {
            ["name"] = a.Name,
            ["joinphrase"] = i < artists.Count - 1 ? " & " : string.Empty,
            ["artist"] = new JsonObject { ["id"] = Uuid(a.Id), ["name"] = a.Name, ["sort-name"] = a.Name, ["disambiguation"] = string.Empty },
        }).ToArray());

    private static HashSet<string> Includes(HttpContext context) =>
        new((context.Request.Query["inc"].FirstOrDefault() ?? string.Empty).Split([' ', '+'], StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    private static async Task<bool> AnswerAsXmlAsync(HttpContext context)
    {
        if (context.Request.Query["fmt"].FirstOrDefault() != "json")
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/xml";
            await context.Response.WriteAsync("<?xml version=\"1.0\" encoding=\"UTF-8\"?><metadata xmlns=\"http://musicbrainz.org/ns/mmd-2.0#\"/>");
            return true;
        }

        return false;
    }

    private async Task HandleIsrcAsync(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        if (await AnswerAsXmlAsync(context))
        {
            return;
        }

        var isrc = values["isrc"];
        if (!_byIsrc.TryGetValue(isrc, out var recordings))
        {
            await NotFound(context);
            return;
        }

        var inc = Includes(context);
        var list = new JsonArray();
        lock (recordings)
        {
            foreach (var r in recordings)
            {
                var o = new JsonObject
                {
                    ["id"] = Uuid(r.Id),
                    ["title"] = r.Title,
                    ["length"] = r.LengthMs,
                    ["disambiguation"] = string.Empty,
                    ["video"] = false,
                };
                if (inc.Contains("artist-credits"))
                {
                    o["artist-credit"] = Credit(r.Artists);
                }

                if (inc.Contains("releases"))
                {
                    o["releases"] = new JsonArray(r.Releases.Select(rel =>
                    {
                        var release = new JsonObject
                        {
                            ["id"] = Uuid(rel.Id),
                            ["title"] = rel.Title,
                            ["status"] = rel.Status,
                            ["date"] = rel.Date,
                            ["country"] = rel.Country,
                            ["release-group"] = new JsonObject { ["id"] = MaybeUuid(rel.ReleaseGroupId), ["primary-type"] = rel.PrimaryType, ["title"] = rel.Title },
                        };
                        if (inc.Contains("artist-credits"))
                        {
                            release["artist-credit"] = Credit(rel.Artists);
                        }

                        return (JsonNode)release;
                    }).ToArray());
                }

                if (inc.Contains("genres"))
                {
                    o["genres"] = Genres(r.Genres);
                }

                list.Add(o);
            }
        }

        await FakeHost.WriteJsonAsync(context, new JsonObject { ["isrc"] = isrc.ToUpperInvariant(), ["recordings"] = list }.ToJsonString());
    }

    // Lucene's phrase and range syntax, as far as musicdl uses it: quoted phrases with \" and \\ escapes.
    private static string? Phrase(string query, string field)
    {
        var match = System.Text.RegularExpressions.Regex.Match(query, field + @":""((?:[^""\\]|\\.)*)""");
        return match.Success ? System.Text.RegularExpressions.Regex.Replace(match.Groups[1].Value, @"\\(.)", "$1") : null;
    }

    private async Task HandleSearchAsync(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        if (await AnswerAsXmlAsync(context))
        {
            return;
        }

        var query = context.Request.Query["query"].FirstOrDefault() ?? string.Empty;
        LastSearchQuery = query;
        var title = Phrase(query, "recording");
        var artist = Phrase(query, "artist");
        var range = System.Text.RegularExpressions.Regex.Match(query, @"dur:\[(\d+) TO (\d+)\]");
        var list = new JsonArray();
        foreach (var (isrc, recordings) in _byIsrc)
        {
            lock (recordings)
            {
                foreach (var r in recordings)
                {
                    var fits = string.Equals(r.Title, title, StringComparison.OrdinalIgnoreCase)
                        && r.Artists.Any(a => string.Equals(a.Name, artist, StringComparison.OrdinalIgnoreCase))
                        && (!range.Success || (r.LengthMs is { } ms && ms >= int.Parse(range.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) && ms <= int.Parse(range.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)));
                    if (!fits)
                    {
                        continue;
                    }

                    list.Add(new JsonObject
                    {
                        ["id"] = Uuid(r.Id),
                        ["score"] = 100,
                        ["title"] = r.Title,
                        ["length"] = r.LengthMs,
                        ["video"] = null,
                        ["artist-credit"] = new JsonArray(r.Artists.Select(a => (JsonNode)new JsonObject
                        {
                            ["name"] = a.Name,
                            ["artist"] = new JsonObject { ["id"] = Uuid(a.Id), ["name"] = a.Name, ["sort-name"] = a.Name },
                        }).ToArray()),
                        ["first-release-date"] = r.Releases.Select(x => x.Date).Where(d => d is not null).Order().FirstOrDefault(),
                        ["isrcs"] = new JsonArray(JsonValue.Create(isrc.ToUpperInvariant())),
                        ["releases"] = new JsonArray(r.Releases.Select(rel => (JsonNode)new JsonObject
                        {
                            ["id"] = Uuid(rel.Id),
                            ["status-id"] = Guid.Empty.ToString(),
                            ["count"] = 1,
                            ["title"] = rel.Title,
                            ["status"] = rel.Status,
                            ["release-group"] = new JsonObject { ["id"] = MaybeUuid(rel.ReleaseGroupId), ["type-id"] = Guid.Empty.ToString(), ["primary-type"] = rel.PrimaryType, ["title"] = rel.Title },
                            ["date"] = rel.Date,
                            ["country"] = rel.Country,
                            ["track-count"] = rel.TrackCount,
                            ["media"] = new JsonArray(new JsonObject
                            {
                                ["position"] = rel.Disc,
                                ["format"] = "Digital Media",
                                ["track"] = new JsonArray(new JsonObject
                                {
                                    ["id"] = Guid.NewGuid().ToString(),
                                    ["number"] = rel.TrackNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
                                    ["title"] = r.Title,
                                    ["length"] = r.LengthMs,
                                }),
                                ["track-count"] = rel.TrackCount,
                                ["track-offset"] = rel.TrackNumber - 1,
                            }),
                        }).ToArray()),
                    });
                }
            }
        }

        await FakeHost.WriteJsonAsync(context, new JsonObject { ["created"] = "2026-12-06T00:00:00.000Z", ["count"] = list.Count, ["offset"] = 0, ["recordings"] = list }.ToJsonString());
    }

    private async Task HandleReleaseGroupAsync(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        if (await AnswerAsXmlAsync(context))
        {
            return;
        }

        var id = values["id"];
        var known = _byIsrc.Values.SelectMany(l => l).SelectMany(r => r.Releases).FirstOrDefault(r => string.Equals(MaybeUuid(r.ReleaseGroupId), id, StringComparison.OrdinalIgnoreCase));
        var label = _groupGenres.Keys.FirstOrDefault(k => string.Equals(Uuid(k), id, StringComparison.OrdinalIgnoreCase));
        if (known is null && label is null)
        {
            await NotFound(context);
            return;
        }

        var o = new JsonObject { ["id"] = id, ["title"] = known?.Title, ["primary-type"] = known?.PrimaryType };
        if (Includes(context).Contains("genres"))
        {
            o["genres"] = Genres(label is not null && _groupGenres.TryGetValue(label, out var g) ? g : []);
        }

        await FakeHost.WriteJsonAsync(context, o.ToJsonString());
    }
}

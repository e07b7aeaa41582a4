using System.Text.Json;

namespace MusicDl.MusicBrainz;

/// <summary>Reads the JSON of the web service (hyphenated names: <c>artist-credit</c>, <c>release-group</c>); unknown fields are ignored.</summary>
internal static class MusicBrainzJson
{
    public static IReadOnlyList<MbRecording> ReadIsrc(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("recordings", out var recordings) || recordings.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("a MusicBrainz ISRC answer must be an object with a recordings list");
        }

        return recordings.EnumerateArray().Select(ReadRecording).ToArray();
    }

    /// <summary>A recording search answer (<c>/ws/2/recording?query=...</c>): recordings with isrcs and releases with media.</summary>
    public static IReadOnlyList<MbSearchHit> ReadSearch(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("recordings", out var recordings) || recordings.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("a MusicBrainz recording search answer must be an object with a recordings list");
        }

        return recordings.EnumerateArray().Select(ReadHit).ToArray();
    }

    private static MbSearchHit ReadHit(JsonElement e)
    {
        // As for the ISRC answer: a recording id that is not a UUID makes the answer unparseable; other ids are dropped.
        var id = Uuid(Str(e, "id")) ?? throw new JsonException("a MusicBrainz recording has no id that is a UUID");
        int? length = e.TryGetProperty("length", out var l) && l.ValueKind == JsonValueKind.Number && l.TryGetInt32(out var ms) ? ms : null;
        var credits = Array(e, "artist-credit").Where(c => c.ValueKind == JsonValueKind.Object).ToArray();
        var names = credits.Select(c => c.TryGetProperty("artist", out var a) ? Str(a, "name") : Str(c, "name")).OfType<string>().ToArray();
        var ids = CreditedArtistIds(e);
        var isrcs = Array(e, "isrcs").Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!).ToArray();
        var releases = Array(e, "releases").Where(r => r.ValueKind == JsonValueKind.Object && Uuid(Str(r, "id")) is not null).Select(r =>
        {
            var medium = Array(r, "media").FirstOrDefault();
            var track = medium.ValueKind == JsonValueKind.Object ? Array(medium, "track").FirstOrDefault() : default;
            var group = r.TryGetProperty("release-group", out var g) ? g : default;
            return new MbSearchRelease(
                Uuid(Str(r, "id"))!,
                Str(r, "title"),
                Str(r, "status"),
                Str(r, "date"),
                group.ValueKind == JsonValueKind.Object ? Uuid(Str(group, "id")) : null,
                group.ValueKind == JsonValueKind.Object ? Str(group, "primary-type") : null,
                track.ValueKind == JsonValueKind.Object && int.TryParse(Str(track, "number"), out var n) ? n : null,
                medium.ValueKind == JsonValueKind.Object ? Int(medium, "track-count") : null,
                medium.ValueKind == JsonValueKind.Object ? Int(medium, "position") : null);
        }).ToArray();
        return new MbSearchHit(id, Str(e, "title"), length, names, ids, isrcs, releases);
    }

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n > 0 ? n : null;

    public static IReadOnlyList<MbGenre> ReadGenres(JsonElement owner) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty("genres", out var genres) && genres.ValueKind == JsonValueKind.Array
            ? genres.EnumerateArray()
                .Select(g => new MbGenre(Str(g, "name") ?? string.Empty, g.TryGetProperty("count", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : 0))
                .Where(g => g.Name.Length > 0)
                .ToArray()
            : [];

    private static MbRecording ReadRecording(JsonElement e)
    {
        // The recording id is what the answer is for: one that is not a UUID makes the answer unparseable (never
        // cached, never a tag). The other ids are only extras: one that is not a UUID is left out.
        var id = Uuid(Str(e, "id")) ?? throw new JsonException("a MusicBrainz recording has no id that is a UUID");
        int? length = e.TryGetProperty("length", out var l) && l.ValueKind != JsonValueKind.Null
            ? (l.ValueKind == JsonValueKind.Number && l.TryGetInt32(out var ms) ? ms : throw new JsonException($"a MusicBrainz length is {l.ValueKind}, not milliseconds"))
            : null;
        var artists = CreditedArtistIds(e);
        var releases = Array(e, "releases")
            .Select(r => (Id: Uuid(Str(r, "id")), Release: r))
            .Where(r => r.Id is not null)
            .Select(r => new MbRelease(
                r.Id!,
                Str(r.Release, "title"),
                Str(r.Release, "status"),
                Str(r.Release, "date"),
                r.Release.TryGetProperty("release-group", out var g) && g.ValueKind != JsonValueKind.Null ? Uuid(Str(g, "id")) : null)
            {
                ArtistIds = CreditedArtistIds(r.Release),
            })
            .ToArray();
        return new MbRecording(id, Str(e, "title"), length, artists, releases, ReadGenres(e));
    }

    // Only ids that are UUIDs: anything else never reaches a tag or the cache.
    private static string[] CreditedArtistIds(JsonElement e) =>
        Array(e, "artist-credit")
            .Select(c => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("artist", out var a) ? Uuid(Str(a, "id")) : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];

    // A field that is there with the wrong type makes the answer unparseable, like a broken body.
    private static string? Str(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"a MusicBrainz entry is {e.ValueKind}, not an object");
        }

        return !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? null
            : v.ValueKind == JsonValueKind.String ? v.GetString()
            : throw new JsonException($"MusicBrainz's {name} is {v.ValueKind}, not text");
    }

    /// <summary>A MusicBrainz id as the canonical lower-case UUID, or null when it is not one.</summary>
    internal static string? Uuid(string? id) =>
        id is not null && id.Length == 36 && Guid.TryParseExact(id, "D", out var uuid) ? uuid.ToString("D") : null;
}

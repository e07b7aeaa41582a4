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
        var artists = Array(e, "artist-credit")
            .Select(c => c.ValueKind == JsonValueKind.Object && c.TryGetProperty("artist", out var a) ? Uuid(Str(a, "id")) : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var releases = Array(e, "releases")
            .Select(r => (Id: Uuid(Str(r, "id")), Release: r))
            .Where(r => r.Id is not null)
            .Select(r => new MbRelease(
                r.Id!,
                Str(r.Release, "title"),
                Str(r.Release, "status"),
                Str(r.Release, "date"),
                r.Release.TryGetProperty("release-group", out var g) && g.ValueKind != JsonValueKind.Null ? Uuid(Str(g, "id")) : null))
            .ToArray();
        return new MbRecording(id, Str(e, "title"), length, artists, releases, ReadGenres(e));
    }

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

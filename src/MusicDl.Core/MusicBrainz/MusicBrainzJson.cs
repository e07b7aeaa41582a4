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
        var id = Str(e, "id") ?? throw new JsonException("a MusicBrainz recording has no id");
        int? length = e.TryGetProperty("length", out var l) && l.ValueKind == JsonValueKind.Number && l.TryGetInt32(out var ms) ? ms : null;
        var credits = Array(e, "artist-credit").ToArray();
        var names = credits.Select(c => c.TryGetProperty("artist", out var a) ? Str(a, "name") : Str(c, "name")).OfType<string>().ToArray();
        var ids = credits.Select(c => c.TryGetProperty("artist", out var a) ? Str(a, "id") : null).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var isrcs = Array(e, "isrcs").Where(i => i.ValueKind == JsonValueKind.String).Select(i => i.GetString()!).ToArray();
        var releases = Array(e, "releases").Select(r =>
        {
            var medium = Array(r, "media").FirstOrDefault();
            var track = medium.ValueKind == JsonValueKind.Object ? Array(medium, "track").FirstOrDefault() : default;
            var group = r.TryGetProperty("release-group", out var g) ? g : default;
            return new MbSearchRelease(
                Str(r, "id") ?? throw new JsonException("a MusicBrainz release has no id"),
                Str(r, "title"),
                Str(r, "status"),
                Str(r, "date"),
                group.ValueKind == JsonValueKind.Object ? Str(group, "id") : null,
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
        var id = Str(e, "id") ?? throw new JsonException("a MusicBrainz recording has no id");
        int? length = e.TryGetProperty("length", out var l) && l.ValueKind == JsonValueKind.Number ? l.GetInt32() : null;
        var artists = CreditedArtistIds(e);
        var releases = Array(e, "releases")
            .Select(r => new MbRelease(
                Str(r, "id") ?? throw new JsonException("a MusicBrainz release has no id"),
                Str(r, "title"),
                Str(r, "status"),
                Str(r, "date"),
                r.TryGetProperty("release-group", out var g) ? Str(g, "id") : null)
            {
                ArtistIds = CreditedArtistIds(r),
            })
            .ToArray();
        return new MbRecording(id, Str(e, "title"), length, artists, releases, ReadGenres(e));
    }

    private static string[] CreditedArtistIds(JsonElement e) =>
        Array(e, "artist-credit")
            .Select(c => c.TryGetProperty("artist", out var a) ? Str(a, "id") : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

using System.Text.Json;

namespace MusicDl.Lyrics;

/// <summary>
/// Reads LRCLIB's camelCase records; unknown fields are ignored, a missing optional one is null, a known one of the
/// wrong type a <see cref="JsonException"/> (the answer is unparseable).
/// </summary>
internal static class LrclibJson
{
    public static LyricsRecord ReadRecord(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"an LRCLIB record must be an object, not {e.ValueKind}");
        }

        return new LyricsRecord
        {
            Id = Number(e, "id") is { } id ? (long)id : 0,
            TrackName = Str(e, "trackName"),
            ArtistName = Str(e, "artistName"),
            AlbumName = Str(e, "albumName"),
            Duration = Number(e, "duration"),
            Instrumental = Flag(e, "instrumental"),
            PlainLyrics = Str(e, "plainLyrics"),
            SyncedLyrics = Str(e, "syncedLyrics"),
        };
    }

    public static IReadOnlyList<LyricsRecord> ReadList(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array
            ? e.EnumerateArray().Select(ReadRecord).ToArray()
            : throw new JsonException($"an LRCLIB search answer must be a list, not {e.ValueKind}");

    // A field that is there with the wrong type makes the answer unparseable: never read (and cached) as "no lyrics".
    private static string? Str(JsonElement e, string name) =>
        !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? null
        : v.ValueKind == JsonValueKind.String ? v.GetString()
        : throw WrongType(name, v);

    private static double? Number(JsonElement e, string name) =>
        !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? null
        : v.ValueKind == JsonValueKind.Number ? v.GetDouble()
        : throw WrongType(name, v);

    private static bool Flag(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False or JsonValueKind.Null => false,
            _ => throw WrongType(name, v),
        };

    private static JsonException WrongType(string name, JsonElement v) => new($"LRCLIB's {name} is {v.ValueKind}, not the type it documents");
}

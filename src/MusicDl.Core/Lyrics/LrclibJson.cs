using System.Text.Json;

namespace MusicDl.Lyrics;

/// <summary>Reads LRCLIB's camelCase records; unknown fields are ignored, a missing optional one is null.</summary>
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
            Id = e.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number ? id.GetInt64() : 0,
            TrackName = Str(e, "trackName"),
            ArtistName = Str(e, "artistName"),
            AlbumName = Str(e, "albumName"),
            Duration = e.TryGetProperty("duration", out var d) && d.ValueKind == JsonValueKind.Number ? d.GetDouble() : null,
            Instrumental = e.TryGetProperty("instrumental", out var i) && i.ValueKind == JsonValueKind.True,
            PlainLyrics = Str(e, "plainLyrics"),
            SyncedLyrics = Str(e, "syncedLyrics"),
        };
    }

    public static IReadOnlyList<LyricsRecord> ReadList(JsonElement e) =>
        e.ValueKind == JsonValueKind.Array
            ? e.EnumerateArray().Select(ReadRecord).ToArray()
            : throw new JsonException($"an LRCLIB search answer must be a list, not {e.ValueKind}");

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

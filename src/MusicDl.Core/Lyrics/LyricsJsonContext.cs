using System.Text.Json.Serialization;

namespace MusicDl.Lyrics;

/// <summary>Serialises the <c>lyrics</c> region's values.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(TrackLyrics))]
internal sealed partial class LyricsJsonContext : JsonSerializerContext;

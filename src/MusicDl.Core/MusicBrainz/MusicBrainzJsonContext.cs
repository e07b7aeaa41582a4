using System.Text.Json.Serialization;

namespace MusicDl.MusicBrainz;

/// <summary>Serialises the <c>musicbrainz</c> region's values.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(MusicBrainzIds))]
[JsonSerializable(typeof(RecordingDetails))]
internal sealed partial class MusicBrainzJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace MusicDl.YouTube.Visitor;

/// <summary>Source-generated serialisation of the cached visitor data.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CachedVisitorData))]
[JsonSerializable(typeof(string))]
internal sealed partial class VisitorJsonContext : JsonSerializerContext;

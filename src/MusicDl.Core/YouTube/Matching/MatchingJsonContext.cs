using System.Text.Json.Serialization;
using MusicDl.YouTube.Search;

namespace MusicDl.YouTube.Matching;

/// <summary>Source-generated serialisation of what the matcher caches.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CachedMatch))]
[JsonSerializable(typeof(SearchCandidate[]))]
internal sealed partial class MatchingJsonContext : JsonSerializerContext;

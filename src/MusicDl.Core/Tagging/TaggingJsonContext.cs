using System.Text.Json.Serialization;

namespace MusicDl.Tagging;

/// <summary>Serialises the tagging cache values: cover bytes (images region) and known fingerprints (tags region).</summary>
[JsonSerializable(typeof(byte[]))]
[JsonSerializable(typeof(KnownTags))]
internal sealed partial class TaggingJsonContext : JsonSerializerContext;

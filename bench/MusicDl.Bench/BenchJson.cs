using System.Text.Json.Serialization;

namespace MusicDl.Bench;

[JsonSerializable(typeof(string))]
internal sealed partial class BenchJson : JsonSerializerContext;

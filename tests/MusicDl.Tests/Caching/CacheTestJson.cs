using System.Text.Json.Serialization;

namespace MusicDl.Tests.Caching;

[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(CachedTrack))]
[JsonSerializable(typeof(byte[]))]
internal sealed partial class CacheTestJson : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Serialization;

namespace MusicDl.Tests.Caching;

/// <summary>A converter that cannot write, standing for a value type the persistent layer cannot store.</summary>
internal sealed class UnwritableTrackConverter : JsonConverter<CachedTrack>
{
    public override CachedTrack Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => throw new NotSupportedException("read");

    public override void Write(Utf8JsonWriter writer, CachedTrack value, JsonSerializerOptions options)
        => throw new NotSupportedException("this value cannot be written");
}

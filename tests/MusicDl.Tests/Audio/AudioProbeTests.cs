using MusicDl.Audio;

namespace MusicDl.Tests.Audio;

public sealed class AudioProbeTests
{
    [Fact]
    public void Ffprobe_json_is_read_with_the_container_rate_when_the_stream_has_none()
    {
        var result = AudioProbe.Parse("""
            {"programs":[],"streams":[{"codec_name":"opus","sample_rate":"48000"}],"format":{"format_name":"ogg","duration":"1.027500","bit_rate":"181138"}}
            """);

        Assert.Equal(AudioCodec.Opus, result.Codec);
        Assert.Equal(181, result.BitrateKbps);
        Assert.Equal(1.0275, result.Duration.TotalSeconds, 4);
        Assert.Equal("ogg", result.FormatName);
    }

    [Fact]
    public void A_file_without_audio_is_an_error()
    {
        var ex = Assert.Throws<ConversionFailedException>(() => AudioProbe.Parse("""{"streams":[],"format":{}}"""));

        Assert.Contains("no audio stream", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pcm_s16le", AudioCodec.Pcm)]
    [InlineData("aac", AudioCodec.Aac)]
    [InlineData("vorbis", AudioCodec.Vorbis)]
    [InlineData("h264", AudioCodec.Unknown)]
    public void Codec_names_map_to_codecs(string name, AudioCodec codec)
    {
        Assert.Equal(codec, AudioProbe.CodecFromName(name));
    }
}

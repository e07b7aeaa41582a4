using MusicDl.Audio;
using MusicDl.Configuration;

namespace MusicDl.Tests.Audio;

public sealed class ConversionPlannerTests
{
    private static readonly SourceAudio Opus140 = new(AudioCodec.Opus, 140, "webm");
    private static readonly SourceAudio Aac128 = new(AudioCodec.Aac, 128, "m4a");

    private static Bitrate B(string text) => Bitrate.TryParse(text, out var b) ? b : throw new ArgumentException(text);

    private static SourceAudio Source(string name) => name == "opus" ? Opus140 : Aac128;

    [Theory]
    [InlineData(AudioFormat.M4a, "aac", "auto", "-c:a copy", true)]
    [InlineData(AudioFormat.M4a, "aac", "disable", "-c:a copy", true)]
    [InlineData(AudioFormat.M4a, "aac", "128k", "-c:a copy", true)]
    [InlineData(AudioFormat.M4a, "aac", "256k", "-c:a copy", true)]
    [InlineData(AudioFormat.M4a, "aac", "96k", "-c:a aac -b:a 96k", false)]
    [InlineData(AudioFormat.M4a, "opus", "auto", "-c:a aac -b:a 160k", false)]
    [InlineData(AudioFormat.M4a, "opus", "192k", "-c:a aac -b:a 192k", false)]
    [InlineData(AudioFormat.Opus, "opus", "auto", "-c:a copy", true)]
    [InlineData(AudioFormat.Opus, "opus", "disable", "-c:a copy", true)]
    [InlineData(AudioFormat.Opus, "opus", "160k", "-c:a copy", true)]
    [InlineData(AudioFormat.Opus, "opus", "96k", "-c:a libopus -b:a 96k", false)]
    [InlineData(AudioFormat.Opus, "aac", "auto", "-c:a libopus -b:a 128k", false)]
    [InlineData(AudioFormat.Mp3, "opus", "128k", "-c:a libmp3lame -b:a 128k", false)]
    [InlineData(AudioFormat.Mp3, "opus", "320k", "-c:a libmp3lame -b:a 320k", false)]
    [InlineData(AudioFormat.Mp3, "opus", "auto", "-c:a libmp3lame -b:a 160k", false)]
    [InlineData(AudioFormat.Mp3, "aac", "auto", "-c:a libmp3lame -b:a 128k", false)]
    [InlineData(AudioFormat.Mp3, "aac", "disable", "-c:a libmp3lame -q:a 0", false)]
    [InlineData(AudioFormat.Ogg, "opus", "auto", "-c:a libvorbis -q:a 5", false)]
    [InlineData(AudioFormat.Ogg, "aac", "disable", "-c:a libvorbis -q:a 4", false)]
    [InlineData(AudioFormat.Ogg, "opus", "192k", "-c:a libvorbis -b:a 192k", false)]
    [InlineData(AudioFormat.Flac, "opus", "auto", "-c:a flac", false)]
    [InlineData(AudioFormat.Wav, "aac", "disable", "-c:a pcm_s16le", false)]
    public void The_conversion_table_holds(AudioFormat format, string source, string bitrate, string codecArgs, bool copy)
    {
        var plan = ConversionPlanner.Plan(format, B(bitrate), Source(source));

        Assert.Equal(codecArgs, string.Join(' ', plan.CodecArguments));
        Assert.Equal(copy, plan.StreamCopy);
    }

    [Theory]
    [InlineData(AudioFormat.Mp3, "mp3")]
    [InlineData(AudioFormat.M4a, "ipod")]
    [InlineData(AudioFormat.Opus, "opus")]
    [InlineData(AudioFormat.Ogg, "ogg")]
    [InlineData(AudioFormat.Flac, "flac")]
    [InlineData(AudioFormat.Wav, "wav")]
    public void Each_format_names_its_muxer(AudioFormat format, string muxer)
    {
        Assert.Equal(muxer, ConversionPlanner.Plan(format, Bitrate.Auto, Opus140).Muxer);
    }

    [Fact]
    public void Lossless_outputs_note_once_that_a_fixed_bitrate_is_ignored()
    {
        var flac = ConversionPlanner.Plan(AudioFormat.Flac, Bitrate.Fixed(320), Opus140);
        var wavAuto = ConversionPlanner.Plan(AudioFormat.Wav, Bitrate.Auto, Opus140);

        Assert.Contains("320k is ignored", flac.Note, StringComparison.Ordinal);
        Assert.Null(wavAuto.Note);
    }

    [Fact]
    public void The_default_setting_is_mp3_at_128k()
    {
        var settings = new MusicDlSettings();

        var plan = ConversionPlanner.Plan(settings.Format, settings.Bitrate, Opus140);

        Assert.Equal("-c:a libmp3lame -b:a 128k", string.Join(' ', plan.CodecArguments));
    }

    [Fact]
    public void An_unknown_source_rate_is_copied_rather_than_guessed_down()
    {
        var plan = ConversionPlanner.Plan(AudioFormat.M4a, Bitrate.Fixed(96), new SourceAudio(AudioCodec.Aac, null, "m4a"));

        Assert.True(plan.StreamCopy);
    }

    [Theory]
    [InlineData(null, 192)]
    [InlineData(48, 64)]
    [InlineData(125, 128)]
    [InlineData(129, 128)]
    [InlineData(140, 160)]
    [InlineData(250, 256)]
    [InlineData(400, 320)]
    public void Rate_classes_round_up_to_a_standard_rate(int? source, int expected)
    {
        Assert.Equal(expected, ConversionPlanner.RateClass(source));
    }
}

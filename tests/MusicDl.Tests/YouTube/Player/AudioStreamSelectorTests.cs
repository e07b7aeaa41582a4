using MusicDl.Configuration;
using MusicDl.YouTube.Player;

namespace MusicDl.Tests.YouTube.Player;

public sealed class AudioStreamSelectorTests
{
    private static readonly IReadOnlyList<AudioStreamInfo> Recorded = PlayerResponseParserTests.ParseFixture().AudioStreams;

    private static AudioStreamInfo Stream(int itag, string mime, int kbps, bool usable = true, bool drc = false) => new()
    {
        Itag = itag,
        MimeType = mime,
        Bitrate = kbps * 1000,
        AverageBitrate = kbps * 1000,
        Url = usable ? new Uri($"http://127.0.0.1/videoplayback?itag={itag}") : null,
        HasSignatureCipher = !usable,
        IsDrc = drc,
    };

    [Theory]
    [InlineData(AudioFormat.Opus, 251)]
    [InlineData(AudioFormat.Ogg, 251)]
    [InlineData(AudioFormat.M4a, 140)]
    [InlineData(AudioFormat.Mp3, 251)]
    [InlineData(AudioFormat.Flac, 251)]
    [InlineData(AudioFormat.Wav, 251)]
    public void The_recorded_answer_yields_the_stream_for_each_output(AudioFormat format, int itag)
    {
        var chosen = AudioStreamSelector.Choose(Recorded, format);

        Assert.NotNull(chosen);
        Assert.Equal(itag, chosen.Itag);
        Assert.False(chosen.IsDrc);
    }

    [Fact]
    public void M4a_takes_141_when_it_is_offered_without_a_cipher()
    {
        var streams = new[] { Stream(140, "audio/mp4; codecs=\"mp4a.40.2\"", 128), Stream(141, "audio/mp4; codecs=\"mp4a.40.2\"", 256), Stream(251, "audio/webm; codecs=\"opus\"", 140) };

        Assert.Equal(141, AudioStreamSelector.Choose(streams, AudioFormat.M4a)!.Itag);
    }

    [Fact]
    public void Cipher_only_answers_yield_nothing()
    {
        var streams = new[] { Stream(140, "audio/mp4; codecs=\"mp4a.40.2\"", 128, usable: false), Stream(251, "audio/webm; codecs=\"opus\"", 140, usable: false) };

        Assert.Null(AudioStreamSelector.Choose(streams, AudioFormat.Mp3));
    }

    [Fact]
    public void Opus_falls_back_to_aac_when_no_opus_stream_is_usable()
    {
        var streams = new[] { Stream(140, "audio/mp4; codecs=\"mp4a.40.2\"", 128), Stream(251, "audio/webm; codecs=\"opus\"", 140, usable: false) };

        Assert.Equal(140, AudioStreamSelector.Choose(streams, AudioFormat.Opus)!.Itag);
    }

    [Fact]
    public void A_drc_duplicate_is_chosen_only_when_nothing_else_is_usable()
    {
        var drcFirst = new[] { Stream(251, "audio/webm; codecs=\"opus\"", 140, drc: true), Stream(251, "audio/webm; codecs=\"opus\"", 140) };
        var drcOnly = new[] { Stream(251, "audio/webm; codecs=\"opus\"", 140, drc: true) };

        Assert.False(AudioStreamSelector.Choose(drcFirst, AudioFormat.Opus)!.IsDrc);
        Assert.True(AudioStreamSelector.Choose(drcOnly, AudioFormat.Opus)!.IsDrc);
    }

    [Fact]
    public void The_best_stream_for_mp3_is_the_richest_by_bitrate()
    {
        var streams = new[] { Stream(249, "audio/webm; codecs=\"opus\"", 50), Stream(140, "audio/mp4; codecs=\"mp4a.40.2\"", 128) };

        Assert.Equal(140, AudioStreamSelector.Choose(streams, AudioFormat.Mp3)!.Itag);
    }
}

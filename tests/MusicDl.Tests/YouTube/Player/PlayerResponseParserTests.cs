using System.Text.Json;
using MusicDl.Audio;
using MusicDl.YouTube.Player;

namespace MusicDl.Tests.YouTube.Player;

public sealed class PlayerResponseParserTests
{
    internal static PlayerResponse ParseFixture()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "YouTubeMedia", "player-ok.json")));
        return PlayerResponseParser.Parse(doc.RootElement);
    }

    [Fact]
    public void Audio_adaptive_formats_are_read_and_video_and_muxed_formats_skipped()
    {
        var response = ParseFixture();

        Assert.True(response.IsPlayable);
        Assert.Equal([140, 140, 251, 141], response.AudioStreams.Select(s => s.Itag));
        Assert.Equal(TimeSpan.FromSeconds(245), response.Duration);
    }

    [Fact]
    public void Opus_format_fields_are_read_from_strings_and_numbers()
    {
        var opus = ParseFixture().AudioStreams.Single(s => s.Itag == 251);

        Assert.Equal(AudioCodec.Opus, opus.Codec);
        Assert.Equal("webm", opus.Container);
        Assert.Equal(3912170, opus.ContentLength);
        Assert.Equal(128, opus.Kbps);
        Assert.Equal(146357, opus.Bitrate);
        Assert.Equal(TimeSpan.FromMilliseconds(244981), opus.ApproxDuration);
        Assert.Equal(48000, opus.AudioSampleRate);
        Assert.Equal(2, opus.AudioChannels);
        Assert.Equal("AUDIO_QUALITY_MEDIUM", opus.AudioQuality);
        Assert.Equal("rr1---sn-h0jelnez.googlevideo.com", opus.Url!.Host);
        Assert.False(opus.IsDrc);
    }

    [Fact]
    public void Signature_cipher_formats_have_no_url_and_are_unusable()
    {
        var aac256 = ParseFixture().AudioStreams.Single(s => s.Itag == 141);

        Assert.True(aac256.HasSignatureCipher);
        Assert.Null(aac256.Url);
        Assert.False(aac256.IsUsable);
        Assert.Equal(AudioCodec.Aac, aac256.Codec);
        Assert.Equal("m4a", aac256.Container);
    }

    [Fact]
    public void Drc_duplicates_are_flagged()
    {
        var aac = ParseFixture().AudioStreams.Where(s => s.Itag == 140).ToList();

        Assert.Equal([false, true], aac.Select(s => s.IsDrc));
    }

    [Fact]
    public void A_refusal_reason_is_taken_from_the_error_screen_when_the_reason_field_is_missing()
    {
        using var doc = JsonDocument.Parse("""
            {"playabilityStatus":{"status":"LOGIN_REQUIRED","errorScreen":{"playerErrorMessageRenderer":{"reason":{"runs":[{"text":"Sign in to confirm "},{"text":"you’re not a bot"}]}}}}}
            """);

        var response = PlayerResponseParser.Parse(doc.RootElement);

        Assert.False(response.IsPlayable);
        Assert.Equal("LOGIN_REQUIRED", response.Status);
        Assert.Equal("Sign in to confirm you’re not a bot", response.Reason);
        Assert.Empty(response.AudioStreams);
    }

    [Fact]
    public void An_answer_without_playability_status_counts_as_an_error()
    {
        using var doc = JsonDocument.Parse("{}");

        Assert.Equal("ERROR", PlayerResponseParser.Parse(doc.RootElement).Status);
    }
}

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

    [Theory]
    [InlineData("{}")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{\"playabilityStatus\":\"OK\"}")]
    [InlineData("{\"responseContext\":{},\"error\":{\"code\":500}}")]
    public void An_answer_of_another_shape_is_the_services_fault_not_a_verdict_on_the_video(string json)
    {
        // Issue 12: a wrong-shaped answer must never read as "video unavailable" (which forgets the match).
        using var doc = JsonDocument.Parse(json);

        Assert.Throws<JsonException>(() => PlayerResponseParser.Parse(doc.RootElement));
    }

    [Theory]
    [InlineData("{\"playabilityStatus\":{\"status\":\"UNPLAYABLE\",\"reason\":\"This content isn't available, try again later.\"}}")]
    [InlineData("{\"playabilityStatus\":{\"status\":\"ERROR\",\"reason\":\"This content isn’t available, try again later.\"}}")]
    [InlineData("{\"playabilityStatus\":{\"status\":\"LOGIN_REQUIRED\",\"errorScreen\":{\"playerErrorMessageRenderer\":{\"reason\":{\"simpleText\":\"This content isn't available, try again later.\"}}}}}")]
    [InlineData("{\"playabilityStatus\":{\"status\":\"LOGIN_REQUIRED\",\"reason\":\"Sign in\",\"errorScreen\":{\"playerCaptchaViewModel\":{}}}}")]
    public void The_session_limit_and_a_captcha_are_recognised_whatever_the_status(string json)
    {
        using var doc = JsonDocument.Parse(json);

        Assert.True(PlayerResponseParser.Parse(doc.RootElement).SessionLimited);
    }

    [Fact]
    public void An_ordinary_refusal_is_not_the_session_limit()
    {
        using var doc = JsonDocument.Parse("{\"playabilityStatus\":{\"status\":\"ERROR\",\"reason\":\"Video unavailable\"}}");

        Assert.False(PlayerResponseParser.Parse(doc.RootElement).SessionLimited);
    }
}

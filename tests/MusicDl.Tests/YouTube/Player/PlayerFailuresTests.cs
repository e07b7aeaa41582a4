using MusicDl.YouTube.Player;

namespace MusicDl.Tests.YouTube.Player;

public sealed class PlayerFailuresTests
{
    private const string Id = "AjXQiKP5kMs";

    [Theory]
    [InlineData("UNPLAYABLE", "The uploader has not made this video available in your country", PlayerFailureKind.Unplayable, true)]
    [InlineData("LIVE_STREAM_OFFLINE", null, PlayerFailureKind.Unplayable, true)]
    [InlineData("ERROR", "Video unavailable", PlayerFailureKind.Unavailable, true)]
    [InlineData("LOGIN_REQUIRED", "This video is private", PlayerFailureKind.Unavailable, true)]
    [InlineData("LOGIN_REQUIRED", "Sign in to confirm you’re not a bot", PlayerFailureKind.BotCheck, false)]
    [InlineData("LOGIN_REQUIRED", "Sign in to confirm your age", PlayerFailureKind.AgeRestricted, false)]
    [InlineData("LOGIN_REQUIRED", null, PlayerFailureKind.LoginRequired, false)]
    [InlineData("AGE_CHECK_REQUIRED", "Sign in to confirm your age", PlayerFailureKind.AgeRestricted, false)]
    [InlineData("CONTENT_CHECK_REQUIRED", null, PlayerFailureKind.AgeRestricted, false)]
    [InlineData("SOMETHING_NEW", null, PlayerFailureKind.ServiceError, false)]
    public void Each_playability_status_maps_to_its_failure(string status, string? reason, PlayerFailureKind kind, bool aboutTrack)
    {
        var failure = PlayerFailures.FromStatus(Id, "visionos", status, reason);

        Assert.NotNull(failure);
        Assert.Equal(kind, failure.Kind);
        Assert.Equal(aboutTrack, failure.IsAboutTrack);
        Assert.DoesNotContain('\n', failure.Message);
        Assert.False(string.IsNullOrWhiteSpace(failure.Message));
    }

    [Fact]
    public void Ok_is_no_failure()
    {
        Assert.Null(PlayerFailures.FromStatus(Id, "visionos", "OK", null));
    }

    [Fact]
    public void Messages_name_the_video_and_the_reason()
    {
        var failure = PlayerFailures.FromStatus(Id, "visionos", "UNPLAYABLE", "Not in your country")!;

        Assert.Contains(Id, failure.Message, StringComparison.Ordinal);
        Assert.Contains("Not in your country", failure.Message, StringComparison.Ordinal);
        Assert.Equal("Not in your country", failure.Reason);
    }

    [Fact]
    public void Combined_failures_are_about_the_track_only_when_every_client_says_so()
    {
        var unplayable = PlayerFailures.FromStatus(Id, "a", "UNPLAYABLE", null)!;
        var gone = PlayerFailures.FromStatus(Id, "b", "ERROR", "Video unavailable")!;
        var bot = PlayerFailures.FromStatus(Id, "c", "LOGIN_REQUIRED", "Sign in to confirm you’re not a bot")!;

        Assert.Equal(PlayerFailureKind.Unavailable, PlayerFailures.Combine(Id, [unplayable, gone]).Kind);
        var mixed = PlayerFailures.Combine(Id, [unplayable, bot, gone]);
        Assert.Equal(PlayerFailureKind.BotCheck, mixed.Kind);
        Assert.False(mixed.IsAboutTrack);
    }

    [Fact]
    public void A_403_outranks_a_cipher_only_answer_when_combined()
    {
        var cipher = new PlayerFailure(PlayerFailureKind.NoUsableStream, Id, "a", "cipher");
        var forbidden = new PlayerFailure(PlayerFailureKind.Forbidden, Id, "b", "403");

        Assert.Equal(PlayerFailureKind.Forbidden, PlayerFailures.Combine(Id, [cipher, forbidden]).Kind);
    }

    [Fact]
    public void No_clients_configured_is_a_service_error()
    {
        var failure = PlayerFailures.Combine(Id, []);

        Assert.Equal(PlayerFailureKind.ServiceError, failure.Kind);
        Assert.Contains("youtube_clients", failure.Message, StringComparison.Ordinal);
    }
}

using MusicDl.Configuration;

namespace MusicDl.Tests.Configuration;

public sealed class SettingsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.Empty(SettingsValidator.Validate(new MusicDlSettings()));
    }

    public static TheoryData<string, Func<MusicDlSettings, MusicDlSettings>, string> Invalid => new()
    {
        { "threads", s => s with { Threads = 0 }, "must be between 1 and 64 (got 0)" },
        { "threads", s => s with { Threads = 1000 }, "must be between 1 and 64 (got 1000)" },
        { "bitrate", s => s with { Bitrate = Bitrate.Fixed(1000) }, "must be between 8k and 512k (got 1000k)" },
        { "output", s => s with { Output = "{artist}/{nope}.{output-ext}" }, "unknown template variable {nope}" },
        { "output", s => s with { Output = "/abs/{title}.{output-ext}" }, "must be relative" },
        { "output", s => s with { Output = "C:\\x\\{title}" }, "must be relative" },
        { "output", s => s with { Output = "{artist}/../{title}" }, "must not contain '..'" },
        { "output", s => s with { Output = " " }, "must not be empty" },
        { "output_dir", s => s with { OutputDir = "" }, "must not be empty" },
        { "audio_providers", s => s with { AudioProviders = [] }, "needs at least one provider" },
        { "audio_providers", s => s with { AudioProviders = ["spotify"] }, "unknown audio provider 'spotify'" },
        { "cache_ttl", s => s with { CacheTtl = TimeSpan.FromSeconds(-1) }, "must be between 0 and" },
        { "spotify_rate_limit_window", s => s with { SpotifyRateLimitWindow = TimeSpan.Zero }, "must be more than 0 seconds" },
        { "market", s => s with { Market = "usa" }, "two-letter upper-case country code" },
        { "match_threshold", s => s with { MatchThreshold = 1.5 }, "must be between 0 and 1 (got 1.5)" },
        { "auth_redirect_port", s => s with { AuthRedirectPort = 0 }, "must be between 1 and 65535" },
        { "youtube_clients", s => s with { YouTubeClients = [] }, "needs at least one client" },
        { "overrides", s => s with { Overrides = new Dictionary<string, string> { ["x"] = "skip" } }, "'x' is not a Spotify track id" },
        {
            "endpoints",
            s => s with { Endpoints = Endpoints.Default with { YouTube = new Uri("http://example.org") } },
            "plain http is allowed only for loopback hosts"
        },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Command_line_values_applied_with_with_are_checked_like_the_file(
        string key, Func<MusicDlSettings, MusicDlSettings> change, string message)
    {
        var settings = change(new MusicDlSettings());

        var error = Assert.Single(SettingsValidator.Validate(settings));

        Assert.Equal(key, error.Key);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        var thrown = Assert.Throws<ConfigException>(() => SettingsValidator.ThrowIfInvalid(settings));
        Assert.StartsWith($"{key}: ", thrown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    public void Thread_counts_at_the_limits_are_valid(int threads)
    {
        Assert.Null(SettingsValidator.ValidateKey("threads", new MusicDlSettings { Threads = threads }));
    }

    [Fact]
    public void Every_validated_key_is_a_config_key_or_endpoints()
    {
        var known = ConfigKeys.All.Select(k => k.Name).Append("overrides").Append("endpoints");

        Assert.All(SettingsValidator.Keys, key => Assert.Contains(key, known));
    }
}

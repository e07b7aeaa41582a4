using MusicDl.Configuration;
using static MusicDl.Tests.Configuration.ConfigTestData;

namespace MusicDl.Tests.Configuration;

public sealed class ConfigRendererTests
{
    private const string Secret = "s3cr3t-client-value";
    private const string RedisPassword = "r3dis-pa55";

    [Fact]
    public void Secrets_never_appear_in_the_rendered_settings()
    {
        var loaded = Parse($"""
            download:
              client_id: my-id
              client_secret: {Secret}
              cache_redis: "cache.local:6379,password={RedisPassword},ssl=true"
            """);

        var text = ConfigRenderer.Render(loaded);

        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(RedisPassword, text, StringComparison.Ordinal);
        Assert.Contains("client_secret: \"********\"", text, StringComparison.Ordinal);
        Assert.Contains("cache.local:6379,password=********,ssl=true", text, StringComparison.Ordinal);
        Assert.Contains("client_id: \"my-id\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_from_the_environment_and_redis_urls_are_masked_too()
    {
        var env = Env(("SPOTIFY_CLIENT_SECRET", Secret));
        var loaded = Parse($"download:\n  cache_redis: \"redis://user:{RedisPassword}@cache.local:6379\"\n", env);

        var text = ConfigRenderer.Render(loaded);

        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(RedisPassword, text, StringComparison.Ordinal);
        Assert.Contains("environment SPOTIFY_CLIENT_SECRET", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_key_is_shown_with_where_its_value_came_from()
    {
        var loaded = Parse("download:\n  threads: 8\n", Env(("MUSICDL_YTMUSIC_URL", "http://127.0.0.1:9/")));
        var effective = loaded.Settings with { Format = AudioFormat.Opus };

        var text = ConfigRenderer.Render(loaded, effective, defaultCacheFile: "/home/tester/.cache/musicdl/cache.db");

        foreach (var key in ConfigKeys.All.Where(k => !k.WithoutEffect))
        {
            Assert.Contains($"\n  {key.Name}:", text, StringComparison.Ordinal);
        }

        Assert.Contains("threads: 8  # file, line 2", text, StringComparison.Ordinal);
        Assert.Contains("format: \"opus\"  # command line", text, StringComparison.Ordinal);
        Assert.Contains("max_retries: 3  # default", text, StringComparison.Ordinal);
        Assert.Contains("cache_file: ~  # default: /home/tester/.cache/musicdl/cache.db", text, StringComparison.Ordinal);
        Assert.Contains("youtube_music: http://127.0.0.1:9/  (environment MUSICDL_YTMUSIC_URL)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rendered_settings_load_back_to_the_same_settings_without_warnings()
    {
        var loaded = Parse("""
            version: "1.2"
            download:
              threads: 8
              bitrate: auto
              output: "{artist}/\"quoted\" {title}.{output-ext}"
              market: SE
              ytdlp_js_runtimes: [deno]
              ytdlp_args: ["--extractor-args", "youtube:player_client=default"]
              youtube_clients:
                - visionos
                - name: custom
                  client_name: WEB
                  client_version: "2.1"
                  time_zone: UTC
                  utc_offset_minutes: 60
                  context: {clientFormFactor: UNKNOWN_FORM_FACTOR}
                  headers: {X-Goog-Api-Format-Version: "2"}
            overrides:
              4uLU6hMCjMI75M1A2tKUQC: skip
            playlists:
              - "Liked": https://open.spotify.com/collection/tracks
            artists:
              - "A": spotify:artist:0OdUWJ0sBjDrqHygGUXeCF
            """);

        var again = Parse(ConfigRenderer.Render(loaded));

        Assert.Empty(again.Warnings);
        Assert.Equal(
            ConfigKeys.All.Select(k => k.Render(loaded.Settings)),
            ConfigKeys.All.Select(k => k.Render(again.Settings)));
        Assert.Equal(loaded.Settings.Overrides, again.Settings.Overrides);
        Assert.Equal(loaded.Sources.Select(s => (s.Kind, s.Name, s.Source)), again.Sources.Select(s => (s.Kind, s.Name, s.Source)));
    }

    [Theory]
    [InlineData("download:\n  client_secret: {Secret}\n  client_secret: other\n")]
    [InlineData("download:\n  client_secret: [{Secret}]\n")]
    [InlineData("download:\n  client_secret: {Secret}\n  threads: 0\n")]
    [InlineData("download:\n  cache_redis: \"host,password={Redis}\"\n  cache_ttl: never\n")]
    public void Errors_about_a_file_with_secrets_do_not_repeat_them(string template)
    {
        var yaml = template.Replace("{Secret}", Secret, StringComparison.Ordinal).Replace("{Redis}", RedisPassword, StringComparison.Ordinal);

        var error = ParseError(yaml);

        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(RedisPassword, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://user:{Redis}@127.0.0.1/")]
    [InlineData("http://user:{Redis}@example.org/")]
    public void Errors_about_endpoint_variables_do_not_repeat_their_passwords(string value)
    {
        var env = Env(("MUSICDL_YOUTUBE_URL", value.Replace("{Redis}", RedisPassword, StringComparison.Ordinal)));

        var error = ParseError(string.Empty, env);

        Assert.StartsWith("MUSICDL_YOUTUBE_URL: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(RedisPassword, error.Message, StringComparison.Ordinal);
    }
}

using MusicDl.Configuration;

namespace MusicDl.Tests.Configuration;

/// <summary>Issue 13: cache_redis is checked when the config loads, not when the client library first connects.</summary>
public sealed class RedisConnectionCheckTests
{
    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1:6379")]
    [InlineData("cache.local:6379,password=s3cret,ssl=true,abortConnect=false")]
    [InlineData("a:1,b:2,[::1]:6380")]
    [InlineData("redis://user:s3cret@cache.local:6379/0")]
    [InlineData("rediss://cache.local")]
    public void A_valid_connection_string_or_url_passes(string value) =>
        Assert.DoesNotContain(SettingsValidator.Validate(new MusicDlSettings { CacheRedis = value }), e => e.Key == "cache_redis");

    [Theory]
    [InlineData("password=s3cret", "no server")]
    [InlineData("localhost,pasword=s3cret", "unknown option 'pasword'")]
    [InlineData("localhost:99999", "part 1")]
    [InlineData("local host:6379", "part 1")]
    [InlineData("redis://", "URL")]
    [InlineData("   ", "must not be empty")]
    public void An_invalid_value_is_refused_without_quoting_it(string value, string says)
    {
        var error = Assert.Single(SettingsValidator.Validate(new MusicDlSettings { CacheRedis = value }), e => e.Key == "cache_redis");

        Assert.Contains(says, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_file_with_a_bad_value_names_its_file_and_line()
    {
        var loader = new ConfigLoader(new Dictionary<string, string>());

        var error = Assert.Throws<ConfigException>(() => loader.Parse("download:\n  threads: 2\n  cache_redis: \"password=s3cret\"\n", new ConfigLocation("/etc/musicdl.yaml", ConfigOrigin.CommandLine)));

        Assert.Contains("/etc/musicdl.yaml:3", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
    }
}

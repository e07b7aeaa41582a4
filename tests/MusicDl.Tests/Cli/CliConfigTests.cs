namespace MusicDl.Tests.Cli;

/// <summary>The CLI over the configuration: config check, sync's demands, URL errors, precedence, secrets.</summary>
public sealed class CliConfigTests : IDisposable
{
    private const string Secret = "s3cr3t-client-secret-value";
    private const string RedisPassword = "hunter2-redis-pass";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "musicdl-cli-" + Guid.NewGuid().ToString("N")[..8]);

    public CliConfigTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string yaml)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    private Dictionary<string, string> Env() => new()
    {
        ["HOME"] = _dir,
        ["XDG_CONFIG_HOME"] = Path.Combine(_dir, "xdg-config"),
        ["XDG_CACHE_HOME"] = Path.Combine(_dir, "xdg-cache"),
    };

    [Fact]
    public async Task Config_check_prints_the_effective_settings_with_secrets_masked_even_at_maximum_verbosity()
    {
        var config = Write("c.yaml", $"""
            download:
              client_id: "abc123clientid"
              client_secret: "{Secret}"
              cache_redis: "127.0.0.1:6379,password={RedisPassword}"
              threads: 6
            """);

        var (code, stdout, stderr) = await CliRunner.RunAsync(["config", "check", config, "-v"], Env());

        Assert.Equal(0, code);
        Assert.Contains("threads: 6", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(RedisPassword, stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_line_wins_over_the_environment_and_the_file()
    {
        var config = Write("c.yaml", "download:\n  threads: 6\n  format: opus\n");
        var env = Env();
        env["SPOTIFY_CLIENT_ID"] = "fromenvironment";

        var (code, stdout, _) = await CliRunner.RunAsync(["config", "check", config, "--threads", "3"], env);

        Assert.Equal(2, code); // config check takes no --threads: a usage error, not silently ignored
        Assert.Equal(string.Empty, stdout);
    }

    [Fact]
    public async Task Environment_credentials_win_over_the_file()
    {
        var config = Write("c.yaml", "download:\n  client_id: fromfile\n");
        var env = Env();
        env["SPOTIFY_CLIENT_ID"] = "fromenvironment";

        var (code, stdout, _) = await CliRunner.RunAsync(["config", "check", config], env);

        Assert.Equal(0, code);
        Assert.Contains("fromenvironment", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("fromfile", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_value_names_file_line_and_column_and_exits_2()
    {
        var config = Write("bad.yaml", "download:\n  threads: 0\n");

        var (code, _, stderr) = await CliRunner.RunAsync(["config", "check", config], Env());

        Assert.Equal(2, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("bad.yaml:2:", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_without_a_config_file_exits_2_saying_so()
    {
        var (code, _, stderr) = await CliRunner.RunAsync(["sync"], Env());

        Assert.Equal(2, code);
        Assert.Contains("no config file", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_of_a_config_without_sources_exits_2_saying_so()
    {
        var config = Write("empty.yaml", "download:\n  threads: 2\n");

        var (code, _, stderr) = await CliRunner.RunAsync(["sync", config], Env());

        Assert.Equal(2, code);
        Assert.Contains("lists no songs", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://open.spotify.com/user/someone")]
    [InlineData("spotify:track:tooshort")]
    public async Task A_source_that_is_not_a_spotify_url_exits_2_naming_it(string argument)
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync(["download", argument], Env());

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains(argument, Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_seed_config_of_the_original_app_loads_unchanged()
    {
        var seed = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Configuration", "seed-config.yaml");

        var (code, stdout, stderr) = await CliRunner.RunAsync(["config", "check", seed], Env());

        Assert.True(code == 0, stderr);
        Assert.Contains("format: \"mp3\"", stdout, StringComparison.Ordinal);
    }
}

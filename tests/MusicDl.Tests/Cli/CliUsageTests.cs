namespace MusicDl.Tests.Cli;

/// <summary>Bad usage paths, in process: each exits 2 with exactly one line on stderr and nothing on stdout.</summary>
public sealed class CliUsageTests
{
    public static TheoryData<string[], string> BadUsage => new()
    {
        { ["download"], "at least one" },
        { ["download", "spotify:track:4uLU6hMCjMI75M1A2tKUQC", "--threads", "0"], "--threads 0" },
        { ["download", "spotify:track:4uLU6hMCjMI75M1A2tKUQC", "--threads", "1000"], "--threads 1000" },
        { ["download", "spotify:track:4uLU6hMCjMI75M1A2tKUQC", "--threads", "many"], "many" },
        { ["download", "spotify:track:4uLU6hMCjMI75M1A2tKUQC", "--format", "aiff"], "aiff" },
        { ["download", "spotify:track:4uLU6hMCjMI75M1A2tKUQC", "--bitrate", "loud"], "loud" },
        { ["download", "spotify:track:4uLU6hMCjMI75M1A2tKUQC", "--overwrite", "always"], "always" },
        { ["download", "spotify:track:4uLU6hMCjMI75M1A2tKUQC", "--providers", "soundcloud"], "soundcloud" },
        { ["download", "spotify:track:4uLU6hMCjMI75M1A2tKUQC", "--market", "USA"], "USA" },
        { ["download", "spotify:track:4uLU6hMCjMI75M1A2tKUQC", "--wait=soon"], "soon" },
        { ["download", "--from-file", "/nonexistent/list.txt"], "/nonexistent/list.txt" },
        { ["match", "spotify:track:4uLU6hMCjMI75M1A2tKUQC", "--threshold", "1.5"], "1.5" },
        { ["match"], "match" },
        { ["sync", "a.yaml", "--config", "b.yaml"], "two config files" },
        { ["config", "check", "a.yaml", "--config", "b.yaml"], "two config files" },
        { ["frobnicate"], "frobnicate" },
        { ["cache", "explode"], "explode" },
        { ["download", "spotify:track:4uLU6hMCjMI75M1A2tKUQC", "--no-such-option"], "--no-such-option" },
        { ["doctor", "--no-such-option"], "--no-such-option" },
    };

    [Theory]
    [MemberData(nameof(BadUsage))]
    public async Task Bad_usage_exits_2_with_one_line(string[] args, string mentioned)
    {
        var (code, stdout, stderr) = await CliRunner.RunAsync(args);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains(mentioned, lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_command_and_the_exit_codes()
    {
        var (code, stdout, _) = await CliRunner.RunAsync(["--help"]);

        Assert.Equal(0, code);
        foreach (var word in new[] { "download", "sync", "match", "cache", "config", "auth", "Exit codes", "130" })
        {
            Assert.Contains(word, stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_bare_wait_takes_no_value_so_the_next_argument_stays_a_source()
    {
        var args = MusicDl.Cli.CliApp.Preprocess(["download", "--wait", "spotify:track:4uLU6hMCjMI75M1A2tKUQC"]);
        Assert.Equal(["download", "--wait=unlimited", "spotify:track:4uLU6hMCjMI75M1A2tKUQC"], args);
    }

    [Theory]
    [InlineData("90", 90)]
    [InlineData("90s", 90)]
    [InlineData("30m", 1800)]
    [InlineData("1h30m", 5400)]
    [InlineData("2d", 172800)]
    [InlineData("365d", 31536000)]
    public void Durations_parse(string text, int seconds)
    {
        Assert.True(MusicDl.Cli.DurationParser.TryParse(text, out var d));
        Assert.Equal(TimeSpan.FromSeconds(seconds), d);
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("5x")]
    [InlineData("99999999d")]
    [InlineData("366d")]
    [InlineData("1e300")]
    [InlineData("31536001")]
    public void Bad_durations_do_not_parse(string text) => Assert.False(MusicDl.Cli.DurationParser.TryParse(text, out _));
}

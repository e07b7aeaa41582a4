using MusicDl.Tests.Harness;

namespace MusicDl.Tests.Cli;

/// <summary>The real binary as a child process: help, version, bad usage.</summary>
[Trait("Category", "EndToEnd")]
public sealed class CliBinaryTests : IDisposable
{
    private readonly MusicDlSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task Version_prints_the_version_on_stdout_and_exits_0()
    {
        var result = await _sandbox.RunAsync("--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+\s*$", result.Stdout);
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public async Task Help_lists_every_command_and_the_exit_codes()
    {
        var result = await _sandbox.RunAsync("--help");
        Assert.Equal(0, result.ExitCode);
        foreach (var word in new[] { "download", "sync", "match", "cache", "config", "auth", "Exit codes", "130" })
        {
            Assert.Contains(word, result.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_option_is_one_line_on_stderr_and_exit_2()
    {
        var result = await _sandbox.RunAsync("download", "spotify:track:4uLU6hMCjMI75M1A2tKUQC", "--no-such-option");
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.StderrLines);
        Assert.Contains("--no-such-option", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }
}

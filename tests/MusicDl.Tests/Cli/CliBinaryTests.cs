using MusicDl.Tests.Harness;

namespace MusicDl.Tests.Cli;

/// <summary>
/// The real binary as a child process: it starts, prints its version and exits 0. Help and bad usage are the same
/// code in process (<see cref="CliUsageTests"/>).
/// </summary>
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
}

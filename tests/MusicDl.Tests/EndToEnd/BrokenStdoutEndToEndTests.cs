namespace MusicDl.Tests.EndToEnd;

/// <summary>Issue 25: output that cannot be written ends the run cleanly (exit 3, summary on stderr), never an abort.</summary>
[Trait("Category", "EndToEnd")]
public sealed class BrokenStdoutEndToEndTests : IAsyncLifetime
{
    private FakeWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await FakeWorld.StartAsync();
        _world.WriteConfig(_world.Config());
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Theory]
    [InlineData("--json")]
    [InlineData("--threads=1")]
    public async Task A_closed_stdout_ends_the_run_with_exit_3_and_the_summary_on_stderr(string option)
    {
        var album = _world.AddDownloadableAlbum(3);
        _world.Sandbox.CloseStdout = true;

        var result = await _world.RunAsync("download", option, FakeWorld.AlbumUrl(album));

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains(result.StderrLines, l => l.StartsWith("musicdl: cannot write to stdout", StringComparison.Ordinal));
        Assert.Contains(result.StderrLines, l => l.Contains("requests: spotify", StringComparison.Ordinal));
        Assert.DoesNotContain("Unhandled exception", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(FakeWorld.PartFiles(_world.Sandbox.Library));
    }

    [Fact]
    public async Task A_reader_that_goes_away_stops_the_run_with_exit_3_instead_of_writing_to_nobody()
    {
        var album = _world.AddDownloadableAlbum(6);
        using var process = _world.Sandbox.Start(["--config", _world.ConfigPath, "download", "--json", "--threads=1", FakeWorld.AlbumUrl(album)]);
        var stderr = process.StandardError.ReadToEndAsync();

        // The reader closes its end before the first line: every write of the run meets EPIPE.
        process.StandardOutput.Close();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(bound.Token);
        var text = await stderr;

        Assert.True(process.ExitCode == 3, $"exit {process.ExitCode}: {text}");
        Assert.Contains("musicdl: cannot write to stdout", text, StringComparison.Ordinal);
        Assert.Contains("requests: spotify", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", text, StringComparison.Ordinal);
        Assert.True(FakeWorld.AudioFiles(_world.Sandbox.Library).Count < 6, "the run went on placing every track for nobody");
        Assert.Empty(FakeWorld.PartFiles(_world.Sandbox.Library));
    }
}

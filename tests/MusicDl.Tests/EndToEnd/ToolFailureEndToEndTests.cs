using MusicDl.Tests.TestSupport;

namespace MusicDl.Tests.EndToEnd;

/// <summary>Issue 25: a tool failing the same way track after track stops the run, blaming the tool.</summary>
public sealed class ToolFailureEndToEndTests : IAsyncLifetime
{
    private FakeWorld _world = null!;

    public async Task InitializeAsync() => _world = await FakeWorld.StartAsync(inProcess: true);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Theory]
    [InlineData("exit 0\n", "wrote no audio")]
    [InlineData("printf '\\033[31mboom\\033[0m\\n' >&2\nexit 1\n", "boom")]
    public async Task An_ffmpeg_failing_the_same_way_on_three_tracks_in_a_row_stops_the_run_with_exit_3_naming_it(string script, string says)
    {
        var fake = FakeTool("ffmpeg", script);
        _world.WriteConfig(_world.Config($"  ffmpeg_path: \"{fake}\""));
        var album = _world.AddDownloadableAlbum(8);

        var run = new RunOutput(await _world.RunAsync("download", "--json", "--threads", "1", FakeWorld.AlbumUrl(album)));

        Assert.True(run.Result.ExitCode == 3, run.ToString());
        var stop = Assert.Single(run.Result.StderrLines, l => l.Contains("3 tracks in a row", StringComparison.Ordinal));
        Assert.StartsWith("musicdl: ffmpeg failed the same way", stop, StringComparison.Ordinal);
        Assert.Contains(says, stop, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', stop);
        Assert.True(_world.PlayerRequests <= 3, $"{_world.PlayerRequests} tracks were fetched before the run stopped");
        Assert.Empty(FakeWorld.AudioFiles(_world.Sandbox.Library));
        Assert.Empty(FakeWorld.PartFiles(_world.Sandbox.Library));
    }

    [Fact]
    public async Task Doctor_says_ok_only_for_a_tool_that_works_and_shows_what_a_broken_one_printed_escaped()
    {
        var ffmpeg = FakeTool("ffmpeg", "printf '\\033[31mHACKED\\033[0m\\n'\nexit 0\n");
        var ytDlp = FakeTool("yt-dlp", "echo 2026.11.01\nexit 1\n");
        _world.WriteConfig($"""
            download:
              output_dir: "{_world.Sandbox.Library}"
              ffmpeg_path: "{ffmpeg}"
              ytdlp_path: "{ytDlp}"
            """);

        var run = await _world.RunAsync("doctor");

        Assert.True(run.ExitCode == 3, run.ToString());
        var ffmpegLine = Assert.Single(run.StdoutLines, l => l.StartsWith("PROBLEM", StringComparison.Ordinal) && l.Contains(" ffmpeg ", StringComparison.Ordinal));
        Assert.Contains("\\x1b[31mHACKED", ffmpegLine, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Stdout);
        Assert.Contains(run.StdoutLines, l => l.StartsWith("warning", StringComparison.Ordinal) && l.Contains("yt-dlp", StringComparison.Ordinal) && l.Contains("exit 1", StringComparison.Ordinal));
        Assert.DoesNotContain(run.StdoutLines, l => l.StartsWith("ok", StringComparison.Ordinal) && (l.Contains(" ffmpeg ", StringComparison.Ordinal) || l.Contains(" yt-dlp ", StringComparison.Ordinal)));
    }

    private string FakeTool(string name, string body) => ShellTool.Write(Path.Combine(_world.Sandbox.Root, "bin"), name, body);
}

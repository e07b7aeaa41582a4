using MusicDl.Tests.Library;

namespace MusicDl.Tests.EndToEnd;

/// <summary>What scripts and cron see: plain result lines on stdout, and a dry run that writes nothing.</summary>
public sealed class ScriptEndToEndTests : IAsyncLifetime
{
    private FakeWorld _world = null!;

    public async Task InitializeAsync() => _world = await FakeWorld.StartAsync(inProcess: true);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Without_json_stdout_carries_one_plain_line_per_track_and_nothing_else()
    {
        var album = _world.AddDownloadableAlbum(3);

        var run = await _world.RunAsync("download", FakeWorld.AlbumUrl(album));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(3, run.StdoutLines.Count);
        foreach (var track in album.Tracks)
        {
            var line = Assert.Single(run.StdoutLines, l => l.Contains(track.Name, StringComparison.Ordinal));
            Assert.Contains("downloaded", line, StringComparison.Ordinal);
            Assert.Contains(_world.Sandbox.Library, line, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("\u001b[", run.Stdout + run.Stderr, StringComparison.Ordinal); // no colour off a terminal
    }

    [Fact]
    public async Task A_dry_run_matches_and_plans_every_track_but_downloads_and_writes_nothing()
    {
        var album = _world.AddDownloadableAlbum(3);
        var library = Path.Combine(_world.Sandbox.Library, "not-yet");

        var run = new RunOutput(await _world.RunAsync("download", FakeWorld.AlbumUrl(album), "--dry-run", "--json", "--output-dir", library));

        Assert.True(run.Result.ExitCode == 0, run.ToString());
        var planned = run.WithStatus("planned");
        Assert.Equal(3, planned.Count);
        Assert.All(planned, t => Assert.False(string.IsNullOrEmpty(t.GetProperty("video_id").GetString())));
        Assert.Equal(0, _world.MediaRequests);
        Assert.False(Directory.Exists(library), "the dry run created the library folder");
        Assert.Empty(Directory.EnumerateFileSystemEntries(_world.Sandbox.Library));
    }

    [Fact]
    public async Task A_dry_run_over_an_existing_library_skips_present_tracks_plans_the_rest_and_changes_nothing()
    {
        var present = _world.AddDownloadableAlbum(2, "Present");
        var absent = _world.AddDownloadableAlbum(2, "Absent");
        var download = await _world.RunAsync("download", FakeWorld.AlbumUrl(present));
        Assert.True(download.ExitCode == 0, download.ToString());
        var before = FolderSnapshot.Take(_world.Sandbox.Library);
        Assert.Contains(before, l => l.StartsWith(Path.Combine(".musicdl", "state.db") + " ", StringComparison.Ordinal));
        var media = _world.MediaRequests;

        var run = new RunOutput(await _world.RunAsync("download", FakeWorld.AlbumUrl(present), FakeWorld.AlbumUrl(absent), "--dry-run", "--json"));

        Assert.True(run.Result.ExitCode == 0, run.ToString());
        Assert.Equal(present.Tracks.Select(t => t.Id).Order(), run.WithStatus("skipped").Select(t => t.GetProperty("spotify_id").GetString()).Order());
        Assert.Equal(absent.Tracks.Select(t => t.Id).Order(), run.WithStatus("planned").Select(t => t.GetProperty("spotify_id").GetString()).Order());
        Assert.Equal(media, _world.MediaRequests);
        Assert.Equal(before, FolderSnapshot.Take(_world.Sandbox.Library));
    }
}

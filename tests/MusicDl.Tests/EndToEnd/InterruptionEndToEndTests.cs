using MusicDl.Fakes;
using MusicDl.Tests.Harness;

namespace MusicDl.Tests.EndToEnd;

/// <summary>Scenarios 4 and 5 of issue 8: a run killed mid-download, and two runs on one library.</summary>
[Trait("Category", "EndToEnd")]
public sealed class InterruptionEndToEndTests : IAsyncLifetime
{
    // Only a guard against a hang: each wait ends on an event (a held request, a placement, a line). A cold start of
    // the binary and several tracks of search, player and ffmpeg before it took over 30 s on the 2 shared cores.
    private static readonly TimeSpan HoldTimeout = TimeSpan.FromMinutes(2);

    private FakeWorld _world = null!;

    // The interrupted and held runs start the binary (Sandbox.Start: the process is their subject); the runs after them,
    // and the refused second run, whose subject is what the library holds, go through CliApp in this process.
    public async Task InitializeAsync() => _world = await FakeWorld.StartAsync(inProcess: true);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_run_killed_mid_download_leaves_no_part_file_and_healthy_databases_and_the_next_run_downloads_only_what_was_missing()
    {
        var album = _world.AddDownloadableAlbum(8);
        var url = FakeWorld.AlbumUrl(album);
        _world.Media.MediaRoute.HoldRequest(5);

        using (var first = _world.Sandbox.Start(["--config", _world.ConfigPath, "download", url, "--json"]))
        {
            // The held request keeps one track from finishing; the kill waits for another to be placed (its JSON line
            // is written after placement), so the next run has both kinds to deal with.
            await _world.Media.MediaRoute.Held.WaitAsync(HoldTimeout);
            await FirstPlacementAsync(first).WaitAsync(HoldTimeout);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        _world.Media.MediaRoute.Release();
        var before = Enumerable.Range(0, 8).Select(i => _world.MediaRequestsFor(FakeWorld.VideoIdOf(album, i))).ToArray();
        var placed = FakeWorld.AudioFiles(_world.Sandbox.Library);
        Assert.InRange(placed.Count, 1, 7);

        var second = new RunOutput(await _world.RunAsync("download", url, "--json"));

        Assert.True(second.Result.ExitCode == 0, second.ToString());
        Assert.Equal(placed.Count, second.WithStatus("skipped").Count);
        Assert.Equal(8 - placed.Count, second.WithStatus("downloaded").Count);
        Assert.Equal(8, FakeWorld.AudioFiles(_world.Sandbox.Library).Count);
        Assert.Empty(FakeWorld.PartFiles(_world.Sandbox.Library));
        Assert.Equal("ok", FakeWorld.IntegrityCheck(_world.StateDatabase()));
        Assert.Equal("ok", FakeWorld.IntegrityCheck(_world.CacheDatabase));

        // A track placed before the kill is not fetched again; one that was not is fetched once more at most.
        var skippedTitles = second.WithStatus("skipped").Select(t => t.GetProperty("title").GetString()).ToHashSet();
        for (var i = 0; i < 8; i++)
        {
            var again = _world.MediaRequestsFor(FakeWorld.VideoIdOf(album, i)) - before[i];
            if (skippedTitles.Contains(album.Tracks[i].Name))
            {
                Assert.Equal(0, again);
            }
            else
            {
                Assert.Equal(1, again);
            }
        }
    }

    [Fact]
    public async Task A_second_run_on_a_locked_library_exits_3_naming_the_holder_and_changes_nothing_and_with_wait_runs_after_the_first()
    {
        var album = _world.AddDownloadableAlbum(3);
        var url = FakeWorld.AlbumUrl(album);
        using var first = await HeldRun.StartAsync(_world, url, holdMediaRequest: 1);
        var files = Snapshot();
        var searches = _world.SearchRequests;

        var refused = await _world.RunAsync("download", url, "--json");

        Assert.True(refused.ExitCode == 3, refused.ToString());
        Assert.Contains($"another musicdl run (pid {first.Process.Id})", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(files, Snapshot());
        Assert.Equal(searches, _world.SearchRequests);

        using var waiting = new WatchedRun(_world.Sandbox.Start(["--config", _world.ConfigPath, "download", url, "--json", "--wait=30s"]));

        // The waiting run says when it starts to wait, and for whom: from then on it is parked on the lock.
        var notice = await waiting.StderrLineAsync(line => line.Contains("Waiting for the library lock", StringComparison.Ordinal)).WaitAsync(HoldTimeout);
        Assert.Contains($"held by pid {first.Process.Id} (since ", notice, StringComparison.Ordinal);
        Assert.Contains(_world.Sandbox.Library, notice, StringComparison.Ordinal);
        Assert.False(waiting.Process.HasExited);
        _world.Media.MediaRoute.Release();
        var firstDone = new RunOutput(await first.WaitAsync());
        Assert.True(firstDone.Result.ExitCode == 0, firstDone.ToString());
        Assert.Equal(3, firstDone.WithStatus("downloaded").Count);
        var second = new RunOutput(await waiting.WaitAsync(HoldTimeout));

        Assert.True(second.Result.ExitCode == 0, second.ToString());
        Assert.Equal(3, second.WithStatus("skipped").Count);
    }

    [Theory]
    [InlineData("-TERM")]
    [InlineData("-INT")]
    [InlineData("-HUP")]
    public async Task A_signal_mid_download_exits_130_with_no_part_file_and_the_finished_track_recorded(string signal)
    {
        var album = _world.AddDownloadableAlbum(3);
        var url = FakeWorld.AlbumUrl(album);
        using var run = await HeldRun.StartAsync(_world, url, holdMediaRequest: 2);

        using (var kill = System.Diagnostics.Process.Start("kill", [signal, run.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var interrupted = await run.WaitAsync();
        _world.Media.MediaRoute.Release();

        Assert.True(interrupted.ExitCode == 130, interrupted.ToString());
        Assert.Contains(interrupted.StderrLines, l => l.Contains("requests: spotify", StringComparison.Ordinal));
        Assert.Empty(FakeWorld.PartFiles(_world.Sandbox.Library));
        Assert.Single(FakeWorld.AudioFiles(_world.Sandbox.Library));
        Assert.Equal("ok", FakeWorld.IntegrityCheck(_world.StateDatabase()));

        var again = new RunOutput(await _world.RunAsync("download", url, "--json"));
        Assert.True(again.Result.ExitCode == 0, again.ToString());
        Assert.Single(again.WithStatus("skipped"));
        Assert.Equal(2, again.WithStatus("downloaded").Count);
    }

    /// <summary>Reads the run's JSON Lines until one reports a downloaded (so placed) track.</summary>
    private static async Task FirstPlacementAsync(System.Diagnostics.Process run)
    {
        while (await run.StandardOutput.ReadLineAsync() is { } line)
        {
            using var parsed = System.Text.Json.JsonDocument.Parse(line);
            if (parsed.RootElement.TryGetProperty("status", out var status) && status.GetString() == "downloaded")
            {
                return;
            }
        }

        Assert.Fail("the run ended before placing a track");
    }

    /// <summary>Every file of the library but the lock itself (the holder's), with its size and time.</summary>
    private string Snapshot() => string.Join('\n', Directory
        .EnumerateFiles(_world.Sandbox.Library, "*", SearchOption.AllDirectories)
        .Where(f => f != Path.Combine(_world.Sandbox.Library, ".musicdl", "lock"))
        .Order(StringComparer.Ordinal)
        .Select(f => $"{f} {new FileInfo(f).Length} {File.GetLastWriteTimeUtc(f):O}"));
}

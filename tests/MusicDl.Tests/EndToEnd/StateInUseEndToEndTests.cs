using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace MusicDl.Tests.EndToEnd;

/// <summary>Issue 25: a state.db another process holds is the "library in use" case, said before any track starts.</summary>
public sealed class StateInUseEndToEndTests : IAsyncLifetime
{
    private FakeWorld _world = null!;

    public async Task InitializeAsync()
    {
        // On the system's clock: each look at the held state is a one-second SQLite busy wait (real time), which a
        // driven clock does not see, so --wait=3s would cost a dozen real seconds instead of three.
        _world = await FakeWorld.StartAsync(inProcess: true, drivenClock: false);
        _world.WriteConfig(_world.Config());
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("3s")]
    public async Task A_state_held_exclusively_by_another_process_is_exit_3_naming_it_before_any_track(string? wait)
    {
        // Two tracks: one kept in place, one deleted for the run after the holder lets go to complete.
        var album = _world.AddDownloadableAlbum(2);
        var url = FakeWorld.AlbumUrl(album);
        var first = await _world.RunAsync("download", "--json", "--threads=1", url);
        Assert.True(first.ExitCode == 0, first.ToString());
        File.Delete(FakeWorld.AudioFiles(_world.Sandbox.Library)[0]);
        var (players, media) = (_world.PlayerRequests, _world.MediaRequests);

        await using var holder = new SqliteConnection($"Data Source={_world.StateDatabase()};Pooling=false");
        await holder.OpenAsync();
        await using (var exclusive = holder.CreateCommand())
        {
            exclusive.CommandText = "BEGIN EXCLUSIVE;";
            await exclusive.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        var run = await _world.RunAsync(wait is null ? ["download", url] : ["download", $"--wait={wait}", url]);
        clock.Stop();

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains(run.StderrLines, l => l.StartsWith("musicdl: ", StringComparison.Ordinal) && l.Contains("state.db", StringComparison.Ordinal) && l.Contains("in use", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.Equal((players, media), (_world.PlayerRequests, _world.MediaRequests));
        if (wait is not null)
        {
            Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(3), $"gave up after {clock.Elapsed}, before --wait={wait}");
        }

        // Once the holder lets go, the next run completes what is missing.
        await using (var rollback = holder.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync();
        }

        var again = new RunOutput(await _world.RunAsync("download", "--json", url));
        Assert.True(again.Result.ExitCode == 0, again.ToString());
        Assert.Single(again.WithStatus("downloaded"));
    }
}

using MusicDl.Fakes;
using MusicDl.Fakes.Spotify;
using MusicDl.Tests.Library;

namespace MusicDl.Tests.EndToEnd;

/// <summary>Scenario 7 of issue 8: `sync --prune` with the config's playlists.</summary>
public sealed class PruneEndToEndTests : IAsyncLifetime
{
    private FakeWorld _world = null!;

    public async Task InitializeAsync() => _world = await FakeWorld.StartAsync(inProcess: true);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Sync_prune_removes_a_track_that_left_a_playlist_keeps_one_another_playlist_holds_and_prunes_nothing_on_a_dry_run_or_a_failed_load()
    {
        var (mix, album) = _world.AddDownloadablePlaylist(5, withOddities: false);
        var t = album.Tracks;
        var favourites = _world.Spotify.AddPlaylist(new FakePlaylist(FakeSpotifyIds.Next("pl"), "Favourites", _world.Spotify.UserId, [FakeEntry.Track(t[0].Id)]) { Access = FakePlaylistAccess.Anyone });
        _world.WriteConfig(_world.Config($"""
            playlists:
              - mix: {FakeWorld.PlaylistUrl(mix)}
              - favourites: {FakeWorld.PlaylistUrl(favourites)}
            """));
        var first = new RunOutput(await _world.RunAsync("sync", "--prune", "--json"));
        Assert.True(first.Result.ExitCode == 0, first.ToString());
        var paths = first.Tracks.ToDictionary(x => x.GetProperty("title").GetString()!, x => x.GetProperty("path").GetString()!);
        Assert.Equal(5, paths.Count);
        var oldSnapshot = mix.SnapshotId;

        // Song 1 (also in Favourites) and Song 5 leave the mix.
        mix.Replace([FakeEntry.Track(t[1].Id), FakeEntry.Track(t[2].Id), FakeEntry.Track(t[3].Id)]);
        Assert.NotEqual(oldSnapshot, mix.SnapshotId);

        var beforeDry = FolderSnapshot.Take(_world.Sandbox.Library);
        var dry = new RunOutput(await _world.RunAsync("sync", "--prune", "--dry-run", "--json"));
        Assert.True(dry.Result.ExitCode == 0, dry.ToString());
        var planned = Assert.Single(dry.Tracks, x => x.GetProperty("path").GetString() == paths[t[4].Name]);
        Assert.Equal("planned", planned.GetProperty("status").GetString());
        Assert.DoesNotContain(dry.Tracks, x => x.GetProperty("path").GetString() == paths[t[0].Name] && x.GetProperty("status").GetString() == "planned");
        Assert.Equal(beforeDry, FolderSnapshot.Take(_world.Sandbox.Library));

        var pruning = new RunOutput(await _world.RunAsync("sync", "--prune", "--json"));
        Assert.True(pruning.Result.ExitCode == 0, pruning.ToString());
        var pruned = Assert.Single(pruning.Tracks, x => x.GetProperty("status").GetString() == "pruned");
        Assert.Equal(paths[t[4].Name], pruned.GetProperty("path").GetString());
        Assert.False(File.Exists(paths[t[4].Name]));
        Assert.True(File.Exists(paths[t[0].Name]), "Song 1 is still in Favourites");
        Assert.All(new[] { t[1], t[2], t[3] }, x => Assert.True(File.Exists(paths[x.Name])));

        // Song 4 leaves too, but the mix cannot be read this time: nothing is pruned, and the failure is exit 1.
        mix.Replace([FakeEntry.Track(t[1].Id), FakeEntry.Track(t[2].Id)]);
        _world.Spotify.Route("GET", "/v1/playlists/{id}").Fail(new FakeFault { Status = 404 });
        _world.Spotify.Route("GET", "/v1/playlists/{id}/items").Fail(new FakeFault { Status = 404 });
        _world.Spotify.Route("GET", "/embed/playlist/{id}").Fail(new FakeFault { Status = 404 });

        var failed = new RunOutput(await _world.RunAsync("sync", "--prune", "--json"));

        Assert.True(failed.Result.ExitCode == 1, failed.ToString());
        Assert.DoesNotContain(failed.Tracks, x => x.GetProperty("status").GetString() == "pruned");
        Assert.Contains(failed.Lines, l => l.TryGetProperty("source", out _) && l.GetProperty("status").GetString() == "failed");
        Assert.All(new[] { t[0], t[1], t[2], t[3] }, x => Assert.True(File.Exists(paths[x.Name]), x.Name));
    }
}

using MusicDl.Fakes.Spotify;
using Xunit.Abstractions;

namespace MusicDl.Tests.EndToEnd;

/// <summary>Scenarios 1-3 of issue 8: a private playlist across page boundaries cold, warm, and in another format.</summary>
[Trait("Category", "EndToEnd")]
public sealed class PlaylistEndToEndTests(ITestOutputHelper output) : IAsyncLifetime
{
    private FakeWorld _world = null!;

    public async Task InitializeAsync() => _world = await FakeWorld.StartAsync(inProcess: true);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_private_playlist_of_25_entries_across_spotify_pages_lands_tagged_with_oddities_reported_and_a_warm_rerun_skips_everything_with_one_spotify_request()
    {
        // Under the 2026 rules only the owner's user token reads the items: the run must use the saved login. The fake
        // pages by 10 (PageSize), so 25 entries cross the page boundaries of the playlist's items and of the album's
        // tracks as 104 would at Spotify's 50 a page, with a real ffmpeg run for only 21 placed tracks.
        var (playlist, album) = _world.AddDownloadablePlaylist(25, access: FakePlaylistAccess.OwnerOrCollaborator);
        _world.Spotify.PageSize = 10;
        await _world.SeedUserLoginAsync();
        _world.Sandbox.Timeout = TimeSpan.FromSeconds(120);
        _world.WriteConfig(_world.Config().Replace("threads: 4", "threads: 8", StringComparison.Ordinal));
        var url = FakeWorld.PlaylistUrl(playlist);

        var cold = new RunOutput(await _world.RunAsync("download", url, "--json"));

        Assert.True(cold.Result.ExitCode == 0, cold.ToString());
        output.WriteLine($"cold: {cold.Summary.GetProperty("elapsed_s")} s, requests {cold.Summary.GetProperty("requests")}");
        var downloaded = cold.WithStatus("downloaded");
        Assert.Equal(21, downloaded.Count); // 25 entries - local file - episode - removed - duplicate
        Assert.Equal(21, downloaded.Select(t => t.GetProperty("spotify_id").GetString()).Distinct().Count());
        Assert.Equal(3, cold.WithStatus("unsupported").Count);
        Assert.All(cold.WithStatus("unsupported"), t => Assert.False(string.IsNullOrEmpty(t.GetProperty("error").GetString())));
        Assert.Equal(21, cold.Summary.GetProperty("downloaded").GetInt32());
        Assert.Equal(3, cold.Summary.GetProperty("unsupported").GetInt32());
        foreach (var t in downloaded)
        {
            var path = t.GetProperty("path").GetString()!;
            Assert.StartsWith(_world.Sandbox.Library, path, StringComparison.Ordinal);
            using var file = TagLib.File.Create(path, "audio/mp4", TagLib.ReadStyle.None);
            Assert.Equal(t.GetProperty("title").GetString(), file.Tag.Title);
            Assert.Equal(album.Name, file.Tag.Album);
            Assert.Equal(t.GetProperty("artists")[0].GetString(), file.Tag.Performers.FirstOrDefault());
        }

        Assert.Equal(21, FakeWorld.AudioFiles(_world.Sandbox.Library).Count);
        Assert.Equal(3, _world.Spotify.Route("GET", "/v1/playlists/{id}/items").Count); // items 0-9, 10-19, 20-24
        Assert.Equal(2, _world.Spotify.Route("GET", "/v1/albums/{id}/tracks").Count); // after the album's own first 10
        Assert.Empty(FakeWorld.PartFiles(_world.Sandbox.Library));

        var spotify = _world.Spotify.ApiRequests;
        var (searches, players, media) = (_world.SearchRequests, _world.PlayerRequests, _world.MediaRequests);
        var warm = new RunOutput(await _world.RunAsync("download", url, "--json"));

        Assert.True(warm.Result.ExitCode == 0, warm.ToString());
        output.WriteLine($"warm: {warm.Summary.GetProperty("elapsed_s")} s, requests {warm.Summary.GetProperty("requests")}");
        Assert.Equal(21, warm.WithStatus("skipped").Count);
        Assert.Empty(warm.WithStatus("downloaded"));
        Assert.Equal(searches, _world.SearchRequests);
        Assert.Equal(players, _world.PlayerRequests);
        Assert.Equal(media, _world.MediaRequests);
        Assert.InRange(_world.Spotify.ApiRequests - spotify, 0, 1);
        Assert.InRange(warm.Requests("spotify"), 0, 1);
    }

    [Fact]
    public async Task The_same_tracks_in_another_format_with_the_files_absent_are_matched_from_the_persistent_cache_without_a_search()
    {
        var (playlist, _) = _world.AddDownloadablePlaylist(4, withOddities: false);
        var url = FakeWorld.PlaylistUrl(playlist);
        var cold = await _world.RunAsync("download", url, "--json");
        Assert.True(cold.ExitCode == 0, cold.ToString());
        var searches = _world.SearchRequests;
        Assert.True(searches > 0);

        var elsewhere = Path.Combine(_world.Sandbox.Root, "opus-library");
        var opus = new RunOutput(await _world.RunAsync("download", url, "--json", "--format", "opus", "--output-dir", elsewhere));

        Assert.True(opus.Result.ExitCode == 0, opus.ToString());
        Assert.Equal(4, opus.WithStatus("downloaded").Count);
        Assert.Equal(4, FakeWorld.AudioFiles(elsewhere, ".opus").Count);
        Assert.Equal(searches, _world.SearchRequests);
        Assert.Equal(0, opus.Requests("search"));
    }
}

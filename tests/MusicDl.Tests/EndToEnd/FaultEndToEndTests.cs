using MusicDl.Fakes;
using MusicDl.Fakes.YouTubeMedia;

namespace MusicDl.Tests.EndToEnd;

/// <summary>Scenario 6 of issue 8: transient faults are retried; only a track that really fails makes exit 1.</summary>
public sealed class FaultEndToEndTests : IAsyncLifetime
{
    private FakeWorld _world = null!;

    public async Task InitializeAsync() => _world = await FakeWorld.StartAsync(inProcess: true);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_spotify_429_a_search_500_a_media_stream_cut_midway_and_a_media_403_are_retried_and_every_track_lands_whole()
    {
        var album = _world.AddDownloadableAlbum(5);
        _world.Spotify.Route("GET", "/v1/albums/{id}").Fail(new FakeFault { Status = 429, RetryAfterSeconds = 1, Times = 1 });
        _world.Music.Route.Fail(new FakeFault { Status = 500, Times = 1 });
        var whole = _world.Media.BytesFor(140).Length;
        _world.Media.MediaRoute
            .Fail(new FakeFault { CutAfterBytes = whole / 2, Times = 1 })
            .Fail(new FakeFault { Status = 403, Times = 1 });

        var run = new RunOutput(await _world.RunAsync("download", FakeWorld.AlbumUrl(album), "--json"));

        Assert.True(run.Result.ExitCode == 0, run.ToString());
        Assert.Equal(5, run.WithStatus("downloaded").Count);
        Assert.Equal(2, _world.Spotify.Route("GET", "/v1/albums/{id}").Count);
        Assert.Equal(_world.SearchRequests + 1, _world.Music.Route.Count); // the 500 was answered, then asked again
        AssertWholeFilesOnly(5);
    }

    [Fact]
    public async Task Only_a_track_that_really_fails_makes_exit_1_and_the_others_land()
    {
        var album = _world.AddDownloadableAlbum(5);
        _world.Media.AddVideo(FakeWorld.VideoIdOf(album, 2), FakePlayerBehaviour.Unavailable);
        _world.Media.MediaRoute.Fail(new FakeFault { Status = 403, Times = 1 });

        var run = new RunOutput(await _world.RunAsync("download", FakeWorld.AlbumUrl(album), "--json"));

        Assert.True(run.Result.ExitCode == 1, run.ToString());
        Assert.Equal(4, run.WithStatus("downloaded").Count);
        var failed = Assert.Single(run.Tracks, t => t.GetProperty("status").GetString() is "failed" or "not_found");
        Assert.Equal(album.Tracks[2].Name, failed.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(failed.GetProperty("error").GetString()));
        Assert.Equal(1, run.Summary.GetProperty("exit_code").GetInt32());
        AssertWholeFilesOnly(4);
    }

    [Fact]
    public async Task A_403_on_every_stream_stops_the_run_early_with_exit_3_instead_of_failing_every_track()
    {
        var album = _world.AddDownloadableAlbum(12);
        _world.Media.MediaRoute.Fail(new FakeFault { Status = 403 });

        var run = new RunOutput(await _world.RunAsync("download", FakeWorld.AlbumUrl(album), "--json"));

        Assert.True(run.Result.ExitCode == 3, run.ToString());
        Assert.Contains("the run stops", run.Result.Stderr, StringComparison.Ordinal);
        Assert.Contains("403", run.Result.Stderr, StringComparison.Ordinal);
        Assert.True(run.Tracks.Count < 12, "the run stopped before trying every track");
        Assert.Empty(FakeWorld.AudioFiles(_world.Sandbox.Library));
        Assert.Empty(FakeWorld.PartFiles(_world.Sandbox.Library));
    }

    /// <summary>Exactly <paramref name="count"/> placed files, each a readable whole track, and no temporary file.</summary>
    private void AssertWholeFilesOnly(int count)
    {
        var files = FakeWorld.AudioFiles(_world.Sandbox.Library);
        Assert.Equal(count, files.Count);
        foreach (var path in files)
        {
            using var file = TagLib.File.Create(path, "audio/mp4", TagLib.ReadStyle.Average);
            Assert.InRange(file.Properties.Duration, TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(1.5));
        }

        Assert.Empty(FakeWorld.PartFiles(_world.Sandbox.Library));
    }
}

namespace MusicDl.Tests.EndToEnd;

/// <summary>Issue 14 on the real binary: `match` at the minimum cost, and the review loop.</summary>
public sealed class MatchEndToEndTests : IAsyncLifetime
{
    private FakeWorld _world = null!;

    public async Task InitializeAsync() => _world = await FakeWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Match_asks_spotify_for_each_track_once_and_never_for_albums_or_artists_it_would_only_tag_with()
    {
        var album = _world.AddDownloadableAlbum(4);

        var run = new RunOutput(await _world.RunAsync("match", FakeWorld.AlbumUrl(album), "--json"));

        Assert.True(run.Result.ExitCode == 0, run.ToString());
        Assert.Equal(4, run.WithStatus("matched").Count);
        // The album listing, then one track request per track for its ISRC; no artist, no second album read.
        Assert.Equal(1, _world.Spotify.Route("GET", "/v1/albums/{id}").Count);
        Assert.Equal(4, _world.Spotify.Route("GET", "/v1/tracks/{id}").Count);
        Assert.Equal(0, _world.Spotify.Route("GET", "/v1/artists/{id}").Count);
        Assert.Equal(5, run.Requests("spotify"));
        Assert.Equal(_world.Spotify.ApiRequests, run.Requests("spotify"));
        Assert.Equal(4, run.Requests("search"));

        // Everything is cached now: the next run asks nothing.
        var again = new RunOutput(await _world.RunAsync("match", FakeWorld.AlbumUrl(album), "--json"));
        Assert.True(again.Result.ExitCode == 0, again.ToString());
        Assert.Equal(0, again.Requests("spotify"));
        Assert.Equal(0, again.Requests("search"));
    }
}

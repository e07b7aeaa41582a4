using Xunit.Abstractions;

namespace MusicDl.Tests.EndToEnd;

/// <summary>
/// Issue 17's "done when": against fakes that behave like YouTube in late 2026 - visitor data required by the player,
/// a 3-second pre-roll ad before every video - and with yt-dlp out of reach, every findable song lands natively.
/// </summary>
public sealed class YouTube2026EndToEndTests(ITestOutputHelper output) : IAsyncLifetime
{
    private FakeWorld _world = null!;

    public async Task InitializeAsync() => _world = await FakeWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task With_visitor_data_required_and_a_pre_roll_on_every_video_every_findable_song_is_placed_natively()
    {
        _world.Media.RequireVisitorData = true;
        _world.Media.PreRollOnEveryVideo = TimeSpan.FromSeconds(3);
        var (playlist, _) = _world.AddDownloadablePlaylist(42);
        // FakeWorld's config names a yt-dlp that does not exist: only the native client can place anything.
        _world.WriteConfig(_world.Config().Replace("threads: 4", "threads: 16", StringComparison.Ordinal));
        _world.Sandbox.Timeout = TimeSpan.FromSeconds(120);

        var run = new RunOutput(await _world.RunAsync("download", FakeWorld.PlaylistUrl(playlist), "--json"));

        Assert.True(run.Result.ExitCode == 0, run.ToString());
        output.WriteLine($"elapsed {run.Summary.GetProperty("elapsed_s")} s, requests {run.Summary.GetProperty("requests")}");
        Assert.Equal(38, run.WithStatus("downloaded").Count); // 42 entries - local file - episode - removed - duplicate
        Assert.Empty(run.WithStatus("failed"));
        Assert.Equal(38, FakeWorld.AudioFiles(_world.Sandbox.Library).Count);
        var players = _world.Media.PlayerRequests.ToArray();
        Assert.Equal(38, players.Length);
        Assert.All(players, p => Assert.True(p.HadVisitorData, $"player call for {p.VideoId} without visitor data"));
        Assert.Equal(1, _world.Media.VisitorDataFetches);
        Assert.Equal(0, _world.Media.MediaRequestsInAdWindow);

        // The next run within hours takes the visitor data from the cache: still one fetch in all.
        var album = _world.AddDownloadableAlbum(3);
        var next = new RunOutput(await _world.RunAsync("download", FakeWorld.AlbumUrl(album), "--json"));
        Assert.True(next.Result.ExitCode == 0, next.ToString());
        Assert.Equal(3, next.WithStatus("downloaded").Count);
        Assert.Equal(1, _world.Media.VisitorDataFetches);
        Assert.All(_world.Media.PlayerRequests, p => Assert.True(p.HadVisitorData));
        Assert.Equal(0, _world.Media.MediaRequestsInAdWindow);
    }
}

using MusicDl.Fakes.Spotify;
using MusicDl.Fakes.YouTubeMedia;
using MusicDl.Fakes.YouTubeMusic;
using Xunit.Abstractions;

namespace MusicDl.Tests.EndToEnd;

/// <summary>
/// Issue 17's "done when": against fakes that behave like YouTube in late 2026 - visitor data required by the player,
/// a 3-second pre-roll ad before every video - and with yt-dlp out of reach, every findable song lands natively.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class YouTube2026EndToEndTests(ITestOutputHelper output) : IAsyncLifetime
{
    private FakeWorld _world = null!;

    public async Task InitializeAsync() => _world = await FakeWorld.StartAsync(inProcess: true);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task With_visitor_data_required_and_a_pre_roll_on_every_video_every_findable_song_is_placed_natively()
    {
        _world.Media.RequireVisitorData = true;
        _world.Media.PreRollOnEveryVideo = TimeSpan.FromSeconds(3);
        // 20 entries with the oddities leave 16 songs for 16 threads: every player call in flight at once, one visitor data fetch.
        var (playlist, _) = _world.AddDownloadablePlaylist(20);
        // FakeWorld's config names a yt-dlp that does not exist: only the native client can place anything.
        _world.WriteConfig(_world.Config().Replace("threads: 4", "threads: 16", StringComparison.Ordinal));
        _world.Sandbox.Timeout = TimeSpan.FromSeconds(120);

        var run = new RunOutput(await _world.RunAsync("download", FakeWorld.PlaylistUrl(playlist), "--json"));

        Assert.True(run.Result.ExitCode == 0, run.ToString());
        output.WriteLine($"elapsed {run.Summary.GetProperty("elapsed_s")} s, requests {run.Summary.GetProperty("requests")}");
        Assert.Equal(16, run.WithStatus("downloaded").Count); // 20 entries - local file - episode - removed - duplicate
        Assert.Empty(run.WithStatus("failed"));
        Assert.Equal(16, FakeWorld.AudioFiles(_world.Sandbox.Library).Count);
        var players = _world.Media.PlayerRequests.ToArray();
        Assert.Equal(16, players.Length);
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

    // Issue 24: one track whose song YouTube Music does not find by ISRC, with other songs of its artist filling page one
    // of the songs search, and its official video; each test shapes the answers further.
    private (FakeAlbum Album, FakeTrack Track, string VideoId) TrackFoundOnlyAsVideo(bool withGreyedOutSong = false)
    {
        var album = _world.Spotify.AddGeneratedAlbum(1);
        var track = album.Tracks[0];
        var artist = $"Artist {album.ArtistIds[0][^4..]}";
        var song = FakeSong.Of(track, album, artist, "unusedsong1") with { Isrc = null };
        foreach (var other in new[] { "Other Tune A", "Other Tune B", "Other Tune C" })
        {
            _world.Music.Add(song with { VideoId = ("o" + other[^1] + album.Id[^9..]).PadRight(11, 'x')[..11], Title = other, Album = "Elsewhere" });
        }

        if (withGreyedOutSong)
        {
            _world.Music.Add(song with { VideoId = "greyedsong1", GreyedOut = true });
        }

        const string videoId = "officialvid";
        _world.Music.Add(song with { VideoId = videoId, IsSong = false, Album = null });
        _world.Media.AddVideo(videoId);
        return (album, track, videoId);
    }

    [Fact]
    public async Task A_refused_second_page_keeps_the_first_and_the_rest_of_the_plan_and_the_track_is_placed()
    {
        var (album, _, videoId) = TrackFoundOnlyAsVideo();
        _world.Music.PageSize = 2;
        _world.Music.RefuseContinuations = true;

        var run = new RunOutput(await _world.RunAsync("download", FakeWorld.AlbumUrl(album), "--json"));

        Assert.True(run.Result.ExitCode == 0, run.ToString());
        var line = Assert.Single(run.WithStatus("downloaded"));
        Assert.Equal(videoId, line.GetProperty("video_id").GetString());
        Assert.Single(FakeWorld.AudioFiles(_world.Sandbox.Library));
        var continuation = Assert.Single(_world.Music.Requests, r => r.Continuation is not null);
        Assert.DoesNotContain("%25", continuation.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains(_world.Music.Requests, r => r.Params == FakeYouTubeMusic.VideosParams);
        Assert.Contains("refused the next page", run.Result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Match_explain_lists_a_greyed_out_song_as_skipped_with_the_reason_and_matches_the_playable_video()
    {
        var (album, _, videoId) = TrackFoundOnlyAsVideo(withGreyedOutSong: true);

        var run = new RunOutput(await _world.RunAsync("match", FakeWorld.AlbumUrl(album), "--json", "--explain"));

        Assert.True(run.Result.ExitCode == 0, run.ToString());
        var line = Assert.Single(run.Tracks);
        Assert.Equal(videoId, line.GetProperty("video_id").GetString());
        var greyed = Assert.Single(line.GetProperty("candidates").EnumerateArray(), c => c.GetProperty("video_id").GetString() == "greyedsong1");
        Assert.Contains("greyed out", greyed.GetProperty("rejection").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, greyed.GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task A_pinned_private_video_fails_once_with_youtubes_reason_without_a_search_or_a_second_player_call()
    {
        var album = _world.Spotify.AddGeneratedAlbum(1);
        var track = album.Tracks[0];
        const string pinned = "privatevid1";
        _world.Media.AddVideo(pinned, FakePlayerBehaviour.Private);
        var overrides = _world.Sandbox.WriteFile("overrides.yaml", $"overrides:\n  {track.Id}: {pinned}\n");
        _world.WriteConfig(_world.Config() + $"\noverrides_file: {overrides}\n");

        var run = new RunOutput(await _world.RunAsync("download", FakeWorld.AlbumUrl(album), "--json"));

        Assert.True(run.Result.ExitCode == 1, run.ToString());
        var line = Assert.Single(run.WithStatus("failed"));
        Assert.Equal(pinned, line.GetProperty("video_id").GetString());
        Assert.Contains("This video is private", line.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, _world.SearchRequests);
        Assert.Single(_world.Media.PlayerRequests, p => p.VideoId == pinned);
        Assert.DoesNotContain("searching again", run.Result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_live_stream_fails_as_a_live_stream_without_any_media_request()
    {
        var album = _world.AddDownloadableAlbum(1);
        var videoId = FakeWorld.VideoIdOf(album, 0);
        _world.Media.AddVideo(videoId, FakePlayerBehaviour.Live);

        var run = new RunOutput(await _world.RunAsync("download", FakeWorld.AlbumUrl(album), "--json"));

        Assert.True(run.Result.ExitCode == 1, run.ToString());
        var line = Assert.Single(run.WithStatus("failed"));
        Assert.Equal(videoId, line.GetProperty("video_id").GetString());
        Assert.Contains("live stream", line.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, _world.MediaRequests);
        Assert.Single(_world.Media.PlayerRequests);
    }
}

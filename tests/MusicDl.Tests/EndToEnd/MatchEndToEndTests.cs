using MusicDl.Fakes.Spotify;
using MusicDl.Fakes.YouTubeMusic;

namespace MusicDl.Tests.EndToEnd;

/// <summary>Issue 14 on the real binary: `match` at the minimum cost, and the review loop.</summary>
public sealed class MatchEndToEndTests : IAsyncLifetime
{
    private FakeWorld _world = null!;

    public async Task InitializeAsync() => _world = await FakeWorld.StartAsync(inProcess: true);

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

    /// <summary>
    /// An album of three: "Song 1" YouTube Music has as the album's audio (certain); "Song 2" only as a video 12 s
    /// longer (accepted, below the review threshold); "Song 3" not at all.
    /// </summary>
    private (FakeAlbum Album, string Certain, string Doubtful, string Missing) AlbumToReview()
    {
        var album = _world.Spotify.AddGeneratedAlbum(3);
        var artist = $"Artist {album.ArtistIds[0][^4..]}";
        _world.Music.Add(FakeSong.Of(album.Tracks[0], album, artist, "certainsong"));
        _world.Media.AddVideo("certainsong");
        _world.Music.Add(new FakeSong
        {
            VideoId = "weakvideo01",
            Title = album.Tracks[1].Name,
            Artists = [artist],
            Duration = TimeSpan.FromMilliseconds(album.Tracks[1].DurationMs + 12_000),
            IsSong = false,
        });
        _world.Media.AddVideo("weakvideo01");
        return (album, album.Tracks[0].Id, album.Tracks[1].Id, album.Tracks[2].Id);
    }

    [Fact]
    public async Task A_review_file_is_written_one_line_uncommented_pins_the_track_on_the_next_run_and_the_pin_is_kept()
    {
        var (album, certain, doubtful, missing) = AlbumToReview();
        var url = FakeWorld.AlbumUrl(album);
        var review = Path.Combine(_world.Sandbox.Root, "review.yaml");

        var first = new RunOutput(await _world.RunAsync("match", url, "--json", "--review", review));

        Assert.True(first.Result.ExitCode == 1, first.ToString()); // one track not found
        var text = await File.ReadAllTextAsync(review);
        Assert.StartsWith("#", text, StringComparison.Ordinal);
        Assert.Contains("\noverrides:\n", text, StringComparison.Ordinal);
        Assert.Contains($"  # {doubtful}: weakvideo01\n", text, StringComparison.Ordinal);
        Assert.Contains($"https://open.spotify.com/track/{doubtful}", text, StringComparison.Ordinal);
        Assert.Contains("weakvideo01  video", text, StringComparison.Ordinal);
        Assert.Contains("https://www.youtube.com/watch?v=weakvideo01", text, StringComparison.Ordinal);
        Assert.Contains($"  # {missing}: ", text, StringComparison.Ordinal);
        Assert.DoesNotContain(certain, text, StringComparison.Ordinal);

        // The file is valid as written: giving it back pins nothing yet.
        var unchanged = new RunOutput(await _world.RunAsync("match", url, "--json", "--overrides", review));
        Assert.Equal("youtube-music", unchanged.Tracks.Single(t => t.GetProperty("spotify_id").GetString() == doubtful).GetProperty("provider").GetString());

        await File.WriteAllTextAsync(review, text.Replace($"  # {doubtful}: ", $"  {doubtful}: ", StringComparison.Ordinal));
        var searches = _world.SearchRequests;
        var pinned = new RunOutput(await _world.RunAsync("match", url, "--json", "--overrides", review, "--review", review));

        var line = pinned.Tracks.Single(t => t.GetProperty("spotify_id").GetString() == doubtful);
        Assert.Equal("matched", line.GetProperty("status").GetString());
        Assert.Equal("weakvideo01", line.GetProperty("video_id").GetString());
        Assert.Equal("override", line.GetProperty("provider").GetString());
        var rewritten = await File.ReadAllTextAsync(review);
        Assert.Contains($"\n  {doubtful}: weakvideo01\n", rewritten, StringComparison.Ordinal);
        Assert.DoesNotContain($"# {doubtful}", rewritten, StringComparison.Ordinal);
        Assert.Contains($"  # {missing}: ", rewritten, StringComparison.Ordinal);
        // The search answers came from the cache; the pinned track was not searched at all.
        Assert.Equal(searches, _world.SearchRequests);

        // The pin holds for a download too, through the config's overrides_file.
        _world.WriteConfig(_world.Config() + $"\noverrides_file: {review}\n");
        var download = new RunOutput(await _world.RunAsync("download", url, "--json"));
        var downloaded = download.Tracks.Single(t => t.GetProperty("spotify_id").GetString() == doubtful);
        Assert.Equal("downloaded", downloaded.GetProperty("status").GetString());
        Assert.Equal("weakvideo01", downloaded.GetProperty("video_id").GetString());
        Assert.Equal("override", downloaded.GetProperty("provider").GetString());
    }

    [Fact]
    public async Task Explain_lists_each_tracks_candidates_with_the_parts_of_their_scores()
    {
        var (album, certain, doubtful, _) = AlbumToReview();

        var run = new RunOutput(await _world.RunAsync("match", FakeWorld.AlbumUrl(album), "--json", "--explain"));

        var weak = run.Tracks.Single(t => t.GetProperty("spotify_id").GetString() == doubtful).GetProperty("candidates");
        Assert.InRange(weak.GetArrayLength(), 1, 5);
        var best = weak[0];
        Assert.Equal("weakvideo01", best.GetProperty("video_id").GetString());
        Assert.Equal("video", best.GetProperty("kind").GetString());
        Assert.Equal(1.0, best.GetProperty("parts").GetProperty("title").GetDouble());
        Assert.InRange(best.GetProperty("parts").GetProperty("duration").GetDouble(), 0.1, 0.9);
        Assert.False(best.GetProperty("same_recording").GetBoolean());
        var song = run.Tracks.Single(t => t.GetProperty("spotify_id").GetString() == certain).GetProperty("candidates")[0];
        Assert.Equal("song", song.GetProperty("kind").GetString());
        Assert.True(song.GetProperty("parts").GetProperty("isrc_hit").GetBoolean());
    }

    [Fact]
    public async Task A_bad_video_id_in_an_overrides_file_is_an_error_naming_the_file_and_line()
    {
        var album = _world.AddDownloadableAlbum(1);
        var bad = _world.Sandbox.WriteFile("pins.yaml", $"overrides:\n  {album.Tracks[0].Id}: not a video id\n");

        var run = await _world.RunAsync("match", FakeWorld.AlbumUrl(album), "--overrides", bad);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"{bad}:2:", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, _world.Spotify.ApiRequests);
    }

    [Fact]
    public async Task A_review_file_in_a_missing_folder_is_refused_before_any_request()
    {
        var album = _world.AddDownloadableAlbum(1);
        var review = Path.Combine(_world.Sandbox.Root, "no-such-folder", "review.yaml");

        var run = await _world.RunAsync("match", FakeWorld.AlbumUrl(album), "--review", review);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"--review {review}: cannot write there", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, _world.Spotify.ApiRequests);
    }
}

using MusicDl.Fakes.MusicBrainz;
using MusicDl.Fakes.Spotify;

namespace MusicDl.Tests.EndToEnd;

/// <summary>
/// Issue 21: Spotify without a developer app. With no credentials a public track, album and playlist are read from
/// their embed pages; with credentials, a playlist the Web API refuses is read from its page under `auto` and fails
/// clearly under `api`; a playlist page's 100-entry cut, artists, missing pages and a changed page are each said in
/// one line with the exit code they earn.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class PublicPagesEndToEndTests : IAsyncLifetime
{
    private FakeWorld _world = null!;

    public async Task InitializeAsync() => _world = await FakeWorld.StartAsync(inProcess: true);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Without_credentials_a_public_playlist_lands_tagged_from_its_pages_and_the_rerun_asks_one_page_and_no_youtube()
    {
        _world.RemoveSpotifyCredentials();
        var (playlist, album) = _world.AddDownloadablePlaylist(6, withOddities: false, access: FakePlaylistAccess.OwnerOrCollaborator);
        var url = FakeWorld.PlaylistUrl(playlist);

        var cold = new RunOutput(await _world.RunAsync("download", url, "--json"));

        Assert.True(cold.Result.ExitCode == 0, cold.ToString());
        Assert.Equal(6, cold.WithStatus("downloaded").Count);
        Assert.Equal(6, cold.Summary.GetProperty("from_public_pages").GetInt32());
        Assert.Equal(0, _world.Spotify.ApiRequests);
        Assert.Equal(0, _world.Spotify.TokenRequests);
        Assert.Equal(0, _world.Spotify.PageRequestsWithCredentials);
        foreach (var t in cold.WithStatus("downloaded"))
        {
            // Matched without an ISRC, on title, artist, length and album: the same video the Web API track gets.
            var index = album.Tracks.Select(x => x.Id).ToList().IndexOf(t.GetProperty("spotify_id").GetString()!);
            Assert.Equal(FakeWorld.VideoIdOf(album, index), t.GetProperty("video_id").GetString());
            using var file = TagLib.File.Create(t.GetProperty("path").GetString()!, "audio/mp4", TagLib.ReadStyle.None);
            Assert.Equal(t.GetProperty("title").GetString(), file.Tag.Title);
            Assert.Equal($"Artist {album.ArtistIds[0][^4..]}", file.Tag.Performers.Single());

            // The playlist page names no album: the matched YouTube Music song's album fills it; the cover and the
            // release date come from the track's own page.
            Assert.Equal(album.Name, file.Tag.Album);
            Assert.Single(file.Tag.Pictures);
            Assert.Equal(2021u, file.Tag.Year);
        }

        var pages = _world.Spotify.PageRequests;
        var (searches, players, media) = (_world.SearchRequests, _world.PlayerRequests, _world.MediaRequests);
        var warm = new RunOutput(await _world.RunAsync("download", url, "--json"));

        Assert.True(warm.Result.ExitCode == 0, warm.ToString());
        Assert.Equal(6, warm.WithStatus("skipped").Count);
        Assert.Equal(1, _world.Spotify.PageRequests - pages);
        Assert.Equal(1, warm.Requests("spotify"));
        Assert.Equal((searches, players, media), (_world.SearchRequests, _world.PlayerRequests, _world.MediaRequests));
    }

    [Fact]
    public async Task Without_credentials_an_album_and_a_track_land_tagged_from_their_pages_in_album_order()
    {
        _world.RemoveSpotifyCredentials();
        var album = _world.AddDownloadableAlbum(3, "Page Album");
        var single = _world.AddDownloadableAlbum(1, "Single Album");

        var run = new RunOutput(await _world.RunAsync("download", FakeWorld.AlbumUrl(album), $"https://open.spotify.com/track/{single.Tracks[0].Id}", "--json"));

        Assert.True(run.Result.ExitCode == 0, run.ToString());
        Assert.Equal(4, run.WithStatus("downloaded").Count);
        Assert.Equal(4, run.Summary.GetProperty("from_public_pages").GetInt32());
        foreach (var (track, i) in album.Tracks.Select((t, i) => (t, i)))
        {
            var line = run.Tracks.Single(t => t.GetProperty("spotify_id").GetString() == track.Id);
            using var file = TagLib.File.Create(line.GetProperty("path").GetString()!, "audio/mp4", TagLib.ReadStyle.None);
            Assert.Equal("Page Album", file.Tag.Album);
            Assert.Equal((uint)(i + 1), file.Tag.Track);
            Assert.Single(file.Tag.Pictures);
        }

        var one = run.Tracks.Single(t => t.GetProperty("spotify_id").GetString() == single.Tracks[0].Id);
        using var singleFile = TagLib.File.Create(one.GetProperty("path").GetString()!, "audio/mp4", TagLib.ReadStyle.None);
        Assert.Equal(single.Tracks[0].Name, singleFile.Tag.Title);
        Assert.Equal("Single Album", singleFile.Tag.Album);
        Assert.Single(singleFile.Tag.Pictures);
        Assert.Equal(0, _world.Spotify.ApiRequests);
    }

    [Fact]
    public async Task With_credentials_a_playlist_the_api_refuses_is_read_from_its_page_under_auto_and_fails_clearly_under_api()
    {
        var (owned, album) = _world.AddDownloadablePlaylist(3, withOddities: false, access: FakePlaylistAccess.OwnerOrCollaborator);
        var editorialAlbum = _world.AddDownloadableAlbum(2);
        var editorial = _world.Spotify.AddPlaylist(new FakePlaylist(FakeSpotifyIds.Next("pl"), "Today's Fake Hits", "spotify",
            editorialAlbum.Tracks.Select(t => FakeEntry.Track(t.Id))) { Access = FakePlaylistAccess.Editorial });

        var strict = await _world.RunAsync("download", FakeWorld.PlaylistUrl(owned), FakeWorld.PlaylistUrl(editorial), "--spotify-access", "api", "--json");

        Assert.True(strict.ExitCode == 1, strict.ToString());
        Assert.Contains("403", strict.Stdout, StringComparison.Ordinal);
        Assert.Contains("404", strict.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, _world.Spotify.PageRequests);
        Assert.Empty(FakeWorld.AudioFiles(_world.Sandbox.Library));

        var auto = new RunOutput(await _world.RunAsync("download", FakeWorld.PlaylistUrl(owned), FakeWorld.PlaylistUrl(editorial), "--json"));

        Assert.True(auto.Result.ExitCode == 0, auto.ToString());
        Assert.Equal(5, auto.WithStatus("downloaded").Count);
        Assert.Equal(2, auto.Result.StderrLines.Count(l => l.Contains("read from its public page instead", StringComparison.Ordinal)));
        Assert.Contains(auto.Result.StderrLines, l => l.Contains(owned.Id, StringComparison.Ordinal) && l.Contains("owner or a collaborator", StringComparison.Ordinal));

        // With the Web API at hand, each track read from a page is completed from it: ISRC, album and numbers.
        var first = auto.Tracks.Single(t => t.GetProperty("spotify_id").GetString() == album.Tracks[0].Id);
        Assert.Equal(album.Tracks[0].Isrc, first.GetProperty("isrc").GetString());
        using var file = TagLib.File.Create(first.GetProperty("path").GetString()!, "audio/mp4", TagLib.ReadStyle.None);
        Assert.Equal(album.Name, file.Tag.Album);
        Assert.Equal(1u, file.Tag.Track);
    }

    [Fact]
    public async Task With_musicbrainz_on_a_page_track_gets_its_isrc_album_and_number_from_the_recording_search()
    {
        _world.RemoveSpotifyCredentials();
        _world.WriteConfig(_world.Config("  musicbrainz: true\n  lyrics: none"));
        var (playlist, album) = _world.AddDownloadablePlaylist(2, withOddities: false);
        var artist = $"Artist {album.ArtistIds[0][^4..]}";
        foreach (var (track, i) in album.Tracks.Select((t, i) => (t, i)))
        {
            _world.MusicBrainz.Add(track.Isrc!, new FakeMbRecording($"3f1e0a2c-0000-4a4a-9b9b-00000000000{i}", track.Name, track.DurationMs)
            {
                Artists = [new FakeMbArtist("3f1e0a2c-1111-4a4a-9b9b-000000000001", artist)],
                Releases = [new FakeMbRelease("3f1e0a2c-2222-4a4a-9b9b-000000000001", "MusicBrainz Album", "3f1e0a2c-3333-4a4a-9b9b-000000000001") { TrackNumber = i + 4, TrackCount = 9 }],
            });
        }

        var run = new RunOutput(await _world.RunAsync("download", FakeWorld.PlaylistUrl(playlist), "--json"));

        Assert.True(run.Result.ExitCode == 0, run.ToString());
        foreach (var (track, i) in album.Tracks.Select((t, i) => (t, i)))
        {
            var line = run.Tracks.Single(t => t.GetProperty("spotify_id").GetString() == track.Id);
            Assert.Equal(track.Isrc, line.GetProperty("isrc").GetString());
            using var file = TagLib.File.Create(line.GetProperty("path").GetString()!, "audio/mp4", TagLib.ReadStyle.None);
            Assert.Equal("MusicBrainz Album", file.Tag.Album);
            Assert.Equal((uint)(i + 4), file.Tag.Track);
        }

        Assert.Equal(2, _world.MusicBrainz.SearchRoute.Count);
    }

    [Fact]
    public async Task A_playlist_placed_from_its_page_is_completed_and_moved_by_a_run_with_the_web_api_without_a_download()
    {
        var (playlist, album) = _world.AddDownloadablePlaylist(3, withOddities: false, access: FakePlaylistAccess.Anyone);
        var url = FakeWorld.PlaylistUrl(playlist);
        var credentials = (_world.Spotify.ClientId, _world.Spotify.ClientSecret);
        _world.RemoveSpotifyCredentials();
        var fromPages = new RunOutput(await _world.RunAsync("download", url, "--json"));
        Assert.True(fromPages.Result.ExitCode == 0, fromPages.ToString());
        var pagePaths = fromPages.WithStatus("downloaded").Select(t => t.GetProperty("path").GetString()!).ToArray();

        _world.Sandbox.Environment["SPOTIFY_CLIENT_ID"] = credentials.ClientId;
        _world.Sandbox.Environment["SPOTIFY_CLIENT_SECRET"] = credentials.ClientSecret;
        var (searches, players, media) = (_world.SearchRequests, _world.PlayerRequests, _world.MediaRequests);
        var withApi = new RunOutput(await _world.RunAsync("download", url, "--json"));

        Assert.True(withApi.Result.ExitCode == 0, withApi.ToString());
        Assert.Empty(withApi.WithStatus("downloaded"));
        Assert.Equal((searches, players, media), (_world.SearchRequests, _world.PlayerRequests, _world.MediaRequests));
        Assert.Equal(0, withApi.Summary.GetProperty("from_public_pages").GetInt32());
        Assert.All(pagePaths, p => Assert.False(File.Exists(p), p));
        Assert.Equal(3, FakeWorld.AudioFiles(_world.Sandbox.Library).Count);
        foreach (var (track, i) in album.Tracks.Select((t, i) => (t, i)))
        {
            var line = withApi.Tracks.Single(t => t.GetProperty("spotify_id").GetString() == track.Id);
            var path = line.GetProperty("path").GetString()!;
            Assert.Contains(album.Name, path, StringComparison.Ordinal);
            Assert.Equal(track.Isrc, line.GetProperty("isrc").GetString());
            using var file = TagLib.File.Create(path, "audio/mp4", TagLib.ReadStyle.None);
            Assert.Equal((uint)(i + 1), file.Tag.Track);
            Assert.Single(file.Tag.Pictures);
        }

        // Complete now: the next run with the Web API re-tags nothing.
        var again = new RunOutput(await _world.RunAsync("download", url, "--json"));
        Assert.Equal(3, again.WithStatus("skipped").Count);
    }

    [Fact]
    public async Task A_playlist_of_1000_entries_read_from_its_page_takes_its_first_100_and_says_so_in_one_line()
    {
        // The page lists the first 100 entries and no more. Each placed track is a real ffmpeg run, so the 100 are 10
        // tracks around 90 episodes (listed, unsupported): the first five entries and the last five before the cut,
        // then 900 tracks the page never lists.
        _world.RemoveSpotifyCredentials();
        _world.Sandbox.Timeout = TimeSpan.FromSeconds(180);
        var album = _world.AddDownloadableAlbum(10);
        var rest = _world.Spotify.AddGeneratedAlbum(900);
        var listed = album.Tracks.Take(5).Select(t => FakeEntry.Track(t.Id))
            .Concat(Enumerable.Range(1, 90).Select(i => FakeEntry.Episode($"Episode {i}")))
            .Concat(album.Tracks.Skip(5).Select(t => FakeEntry.Track(t.Id)))
            .ToList();
        var playlist = _world.Spotify.AddPlaylist(new FakePlaylist(FakeSpotifyIds.Next("pl"), "Huge", "someone", listed.Concat(rest.Tracks.Select(t => FakeEntry.Track(t.Id)))));

        var run = new RunOutput(await _world.RunAsync("download", FakeWorld.PlaylistUrl(playlist), "--json"));

        Assert.True(run.Result.ExitCode == 0, run.ToString());
        Assert.Equal(10, run.WithStatus("downloaded").Count);
        Assert.Equal(album.Tracks.Select(t => t.Id).Order(), run.WithStatus("downloaded").Select(t => t.GetProperty("spotify_id").GetString()).Order());
        Assert.Equal(90, run.WithStatus("unsupported").Count);
        Assert.Equal(100, run.Tracks.Count);
        Assert.Single(run.Result.StderrLines, l => l.Contains("only its first 100 entries", StringComparison.Ordinal));
        Assert.Equal(10, FakeWorld.AudioFiles(_world.Sandbox.Library).Count);

        // The first entry leaves: the page now lists entries 2 to 101, still 100, so it may be cut. `sync --prune` must
        // not take what the page does not list for gone: nothing is pruned.
        var firstPath = run.Tracks.Single(t => t.GetProperty("spotify_id").GetString() == album.Tracks[0].Id).GetProperty("path").GetString()!;
        playlist.Replace(listed.Skip(1).Concat(rest.Tracks.Select(t => FakeEntry.Track(t.Id))));
        _world.WriteConfig(_world.Config($"""
            playlists:
              - huge: {FakeWorld.PlaylistUrl(playlist)}
            """));
        var sync = new RunOutput(await _world.RunAsync("sync", "--prune", "--json", "--dry-run"));

        Assert.True(sync.Result.ExitCode == 0, sync.ToString());
        Assert.DoesNotContain(sync.Tracks, t => t.GetProperty("status").GetString() is "pruned" || t.GetProperty("path").GetString() == firstPath);
        Assert.True(File.Exists(firstPath));
    }

    [Fact]
    public async Task Without_credentials_an_artist_fails_in_one_line_saying_it_needs_the_web_api_and_the_other_sources_go_on()
    {
        _world.RemoveSpotifyCredentials();
        var album = _world.AddDownloadableAlbum(1);

        var run = await _world.RunAsync("download", $"https://open.spotify.com/artist/{album.ArtistIds[0]}", FakeWorld.AlbumUrl(album));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Single(run.StdoutLines.Concat(run.StderrLines), l => l.Contains("needs the Web API", StringComparison.Ordinal));
        Assert.Single(FakeWorld.AudioFiles(_world.Sandbox.Library));
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_that_does_not_exist_fails_its_source_with_exit_1_and_is_not_cached()
    {
        _world.RemoveSpotifyCredentials();
        var missing = FakeSpotifyIds.Next("pl");

        var first = await _world.RunAsync("download", $"https://open.spotify.com/playlist/{missing}");
        var second = await _world.RunAsync("download", $"https://open.spotify.com/playlist/{missing}");

        Assert.True(first.ExitCode == 1, first.ToString());
        Assert.Contains("not public, or does not exist", first.Stderr + first.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, second.ExitCode);
        Assert.Equal(2, _world.Spotify.PageRequests);
    }

    [Theory]
    [InlineData(FakePageShape.NoNextData)]
    [InlineData(FakePageShape.OtherJson)]
    public async Task A_changed_page_stops_the_run_with_exit_3_naming_what_to_do_and_caches_nothing(FakePageShape shape)
    {
        _world.RemoveSpotifyCredentials();
        var album = _world.AddDownloadableAlbum(2);
        _world.Spotify.PageShape = shape;

        var run = await _world.RunAsync("download", FakeWorld.AlbumUrl(album));

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Contains("public page has changed", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Update musicdl", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);

        _world.Spotify.PageShape = FakePageShape.Documented;
        var next = await _world.RunAsync("download", FakeWorld.AlbumUrl(album));
        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Equal(2, FakeWorld.AudioFiles(_world.Sandbox.Library).Count);
    }

    [Fact]
    public async Task Doctor_says_a_run_without_credentials_reads_public_pages_and_checks_their_host()
    {
        _world.RemoveSpotifyCredentials();

        var run = await _world.RunAsync("doctor", "--json");

        Assert.Contains("public pages", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("spotify pages", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("spotify credentials", run.Stdout, StringComparison.Ordinal);
        Assert.True(_world.Host.Log.Any(l => l.StartsWith("GET /embed/", StringComparison.Ordinal)), string.Join("\n", _world.Host.Log));
    }
}

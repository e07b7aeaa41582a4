using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MusicDl.Fakes;
using MusicDl.Fakes.Spotify;
using MusicDl.Fakes.YouTubeMedia;
using MusicDl.Fakes.YouTubeMusic;
using MusicDl.Spotify.Wire;
using MusicDl.YouTube.Player;
using MusicDl.YouTube.Search;
using K = System.Text.Json.JsonValueKind;

namespace MusicDl.Tests.Contracts;

/// <summary>
/// The fakes' generated answers meet the same shapes and parsers as the recorded real answers of the same request:
/// each test checks one shape on both, then reads both with the production parser.
/// </summary>
public sealed class FakeContractTests : IAsyncLifetime
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
    private readonly HttpClient _http = new();
    private FakeHost _host = null!;
    private FakeSpotify _spotify = null!;
    private FakeYouTubeMusic _music = null!;
    private FakeYouTubeMedia _media = null!;

    public async Task InitializeAsync()
    {
        _host = await FakeHost.StartAsync();
        _spotify = new FakeSpotify(_host);
        _music = new FakeYouTubeMusic(_host);
        _media = await FakeYouTubeMedia.StartAsync(_host);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    private static readonly JsonShape ImagesShape = new JsonShape("images")
        .Every("images[].url", K.String)
        .Every("images[].width", K.Number)
        .Every("images[].height", K.Number);

    private static readonly JsonShape TrackShape = new JsonShape("full track")
        .Every("id", K.String).Every("name", K.String).Every("type", K.String)
        .Every("duration_ms", K.Number).Every("explicit", K.True, K.False).Every("track_number", K.Number).Every("disc_number", K.Number)
        .Every("is_local", K.True, K.False).Every("external_ids.isrc", K.String)
        .Every("artists[].id", K.String).Every("artists[].name", K.String)
        .Every("album.id", K.String).Every("album.name", K.String).Every("album.album_type", K.String).Every("album.total_tracks", K.Number)
        .Every("album.release_date", K.String).Every("album.release_date_precision", K.String)
        .Every("album.artists[].id", K.String).Every("album.artists[].name", K.String)
        .Every("album.images[].url", K.String).Every("album.images[].width", K.Number).Every("album.images[].height", K.Number);

    private static readonly JsonShape AlbumShape = new JsonShape("full album")
        .Every("id", K.String).Every("name", K.String).Every("type", K.String).Every("album_type", K.String).Every("total_tracks", K.Number)
        .Every("release_date", K.String).Every("release_date_precision", K.String)
        .Every("artists[].id", K.String).Every("artists[].name", K.String)
        .Every("images[].url", K.String).Every("images[].width", K.Number).Every("images[].height", K.Number)
        .Every("copyrights[].text", K.String).Every("copyrights[].type", K.String).Every("external_ids.upc", K.String)
        .Every("tracks.items[].id", K.String).Every("tracks.items[].name", K.String).Every("tracks.items[].type", K.String)
        .Every("tracks.items[].track_number", K.Number).Every("tracks.items[].disc_number", K.Number)
        .Every("tracks.items[].duration_ms", K.Number).Every("tracks.items[].explicit", K.True, K.False)
        .Every("tracks.items[].artists[].id", K.String).Every("tracks.items[].artists[].name", K.String)
        .Every("tracks.next", K.String, K.Null).Every("tracks.total", K.Number).Every("tracks.offset", K.Number).Every("tracks.limit", K.Number);

    private static readonly JsonShape AlbumTracksPageShape = new JsonShape("album track page")
        .Every("items[].id", K.String).Every("items[].name", K.String).Every("items[].type", K.String)
        .Every("items[].track_number", K.Number).Every("items[].disc_number", K.Number).Every("items[].duration_ms", K.Number)
        .Every("items[].explicit", K.True, K.False).Every("items[].artists[].id", K.String).Every("items[].artists[].name", K.String)
        .Every("next", K.String, K.Null).Every("total", K.Number).Every("offset", K.Number).Every("limit", K.Number);

    private static readonly JsonShape ArtistShape = new JsonShape("full artist")
        .Every("id", K.String).Every("name", K.String).Every("type", K.String).Every("genres", K.Array);

    private static readonly JsonShape ArtistAlbumsPageShape = new JsonShape("artist album page")
        .Every("items[].id", K.String).Every("items[].name", K.String).Every("items[].album_type", K.String).Every("items[].album_group", K.String)
        .Every("items[].total_tracks", K.Number).Every("items[].release_date", K.String).Every("items[].release_date_precision", K.String)
        .Every("items[].artists[].id", K.String).Every("items[].artists[].name", K.String)
        .Every("next", K.String, K.Null).Every("total", K.Number).Every("offset", K.Number).Every("limit", K.Number);

    // The older dialect (track/tracks), the one recorded: a withdrawn entry's husk keeps its envelope but may lack
    // a name, so the track's fields are required of some entries only.
    private static readonly JsonShape PlaylistTracksPageShape = new JsonShape("playlist track page")
        .Every("items[].added_at", K.String, K.Null).Every("items[].is_local", K.True, K.False).Every("items[].track", K.Object, K.Null)
        .Some("items[].track.id", K.String).Some("items[].track.name", K.String).Some("items[].track.type", K.String)
        .Some("items[].track.duration_ms", K.Number).Some("items[].track.external_ids.isrc", K.String)
        .Some("items[].track.album.id", K.String).Some("items[].track.artists[].name", K.String)
        .Every("next", K.String, K.Null).Every("total", K.Number).Every("offset", K.Number).Every("limit", K.Number);

    private static readonly JsonShape PlaylistShape = new JsonShape("playlist")
        .Every("id", K.String).Every("name", K.String).Every("snapshot_id", K.String).Every("type", K.String)
        .Every("owner.id", K.String).Every("owner.display_name", K.String, K.Null)
        .Every("tracks.items", K.Array).Every("tracks.total", K.Number).Every("tracks.next", K.String, K.Null);

    // What YouTubeMusicSearchParser reads: the first tab's section list, result rows with their title run, play
    // button watch endpoint (video id and music video type) and subtitle runs.
    private static readonly JsonShape MusicSearchShape = new JsonShape("YouTube Music search answer")
        .Every("contents.tabbedSearchResultsRenderer.tabs[].tabRenderer.content.sectionListRenderer.contents", K.Array)
        .Some("contents.tabbedSearchResultsRenderer.tabs[].tabRenderer.content.sectionListRenderer.contents[].musicShelfRenderer.contents[].musicResponsiveListItemRenderer.flexColumns[].musicResponsiveListItemFlexColumnRenderer.text.runs[].text", K.String)
        .Some("contents.tabbedSearchResultsRenderer.tabs[].tabRenderer.content.sectionListRenderer.contents[].musicShelfRenderer.contents[].musicResponsiveListItemRenderer.overlay.musicItemThumbnailOverlayRenderer.content.musicPlayButtonRenderer.playNavigationEndpoint.watchEndpoint.videoId", K.String)
        .Some("contents.tabbedSearchResultsRenderer.tabs[].tabRenderer.content.sectionListRenderer.contents[].musicShelfRenderer.contents[].musicResponsiveListItemRenderer.overlay.musicItemThumbnailOverlayRenderer.content.musicPlayButtonRenderer.playNavigationEndpoint.watchEndpoint.watchEndpointMusicSupportedConfigs.watchEndpointMusicConfig.musicVideoType", K.String)
        .Some("contents.tabbedSearchResultsRenderer.tabs[].tabRenderer.content.sectionListRenderer.contents[].musicShelfRenderer.contents[].musicResponsiveListItemRenderer.flexColumns[].musicResponsiveListItemFlexColumnRenderer.text.runs[].navigationEndpoint.browseEndpoint.browseId", K.String)
        .Some("contents.tabbedSearchResultsRenderer.tabs[].tabRenderer.content.sectionListRenderer.contents[].musicCardShelfRenderer.title.runs[].text", K.String)
        .Some("contents.tabbedSearchResultsRenderer.tabs[].tabRenderer.content.sectionListRenderer.contents[].musicCardShelfRenderer.subtitle.runs[].text", K.String);

    // An ISRC search: a message section, then the top-result card naming the song.
    private static readonly JsonShape IsrcSearchShape = new JsonShape("YouTube Music ISRC answer")
        .Some("contents.tabbedSearchResultsRenderer.tabs[].tabRenderer.content.sectionListRenderer.contents[].itemSectionRenderer", K.Object)
        .Some("contents.tabbedSearchResultsRenderer.tabs[].tabRenderer.content.sectionListRenderer.contents[].musicCardShelfRenderer.title.runs[].text", K.String)
        .Some("contents.tabbedSearchResultsRenderer.tabs[].tabRenderer.content.sectionListRenderer.contents[].musicCardShelfRenderer.title.runs[].navigationEndpoint.watchEndpoint.videoId", K.String)
        .Some("contents.tabbedSearchResultsRenderer.tabs[].tabRenderer.content.sectionListRenderer.contents[].musicCardShelfRenderer.subtitle.runs[].text", K.String);

    private static readonly JsonShape PlayerShape = new JsonShape("player answer")
        .Every("playabilityStatus.status", K.String)
        .Every("videoDetails.videoId", K.String).Every("videoDetails.lengthSeconds", K.String)
        .Every("streamingData.adaptiveFormats[].itag", K.Number).Every("streamingData.adaptiveFormats[].mimeType", K.String)
        .Every("streamingData.adaptiveFormats[].bitrate", K.Number)
        .Some("streamingData.adaptiveFormats[].url", K.String)
        .Some("streamingData.adaptiveFormats[].contentLength", K.String)
        .Some("streamingData.adaptiveFormats[].approxDurationMs", K.String)
        .Some("streamingData.adaptiveFormats[].audioQuality", K.String)
        .Some("streamingData.adaptiveFormats[].audioSampleRate", K.String)
        .Some("streamingData.adaptiveFormats[].audioChannels", K.Number);

    [Fact]
    public async Task A_fake_track_has_the_shape_of_a_recorded_track_and_both_parse()
    {
        var track = _spotify.AddGeneratedAlbum(2).Tracks[0];

        var (recorded, fake) = await BothAsync("Spotify/track-1t2qKa8K72IBC8yQlhD9bU", $"/v1/tracks/{track.Id}");

        foreach (var (doc, what) in new[] { (recorded, "the recorded track"), (fake, "the fake's track") })
        {
            TrackShape.AssertHeldBy(doc.RootElement, what);
            var wire = doc.RootElement.Deserialize(WireJsonContext.Default.WireTrack)!;
            Assert.False(string.IsNullOrEmpty(wire.Album?.Id), what);
            Assert.NotEmpty(wire.Album!.Images!);
        }
    }

    [Fact]
    public async Task A_fake_album_has_the_shape_of_a_recorded_album_and_both_parse()
    {
        var album = _spotify.AddGeneratedAlbum(3, label: "Fake Label");

        var (recorded, fake) = await BothAsync("Spotify/album-0cgpcZCPvGGXOCpXVqPrvJ", $"/v1/albums/{album.Id}");

        foreach (var (doc, what) in new[] { (recorded, "the recorded album"), (fake, "the fake's album") })
        {
            AlbumShape.AssertHeldBy(doc.RootElement, what);
            var wire = doc.RootElement.Deserialize(WireJsonContext.Default.WireAlbum)!;
            Assert.NotEmpty(wire.Tracks!.Items!);
            Assert.NotNull(wire.Label);
        }
    }

    [Fact]
    public async Task A_fake_album_track_page_has_the_shape_of_a_recorded_one()
    {
        var album = _spotify.AddGeneratedAlbum(3);

        var (recorded, fake) = await BothAsync("Spotify/album-4MQnUDGXmHOvnsWCpzeqWT-tracks", $"/v1/albums/{album.Id}/tracks");

        foreach (var (doc, what) in new[] { (recorded, "the recorded album track page"), (fake, "the fake's album track page") })
        {
            AlbumTracksPageShape.AssertHeldBy(doc.RootElement, what);
            Assert.NotEmpty(doc.RootElement.Deserialize(WireJsonContext.Default.WirePagingWireTrack)!.Items!);
        }
    }

    [Fact]
    public async Task A_fake_artist_and_its_album_page_have_the_shape_of_recorded_ones()
    {
        var album = _spotify.AddGeneratedAlbum(1, albumType: "single");
        var artistId = album.ArtistIds[0];

        var (recordedArtist, fakeArtist) = await BothAsync("Spotify/artist-1FPC2zwfMHhrP3frOfaai6", $"/v1/artists/{artistId}");
        var (recordedAlbums, fakeAlbums) = await BothAsync(
            "Spotify/artist-1FPC2zwfMHhrP3frOfaai6-albums", $"/v1/artists/{artistId}/albums?include_groups=album,single&limit=10");

        ArtistShape.AssertHeldBy(recordedArtist.RootElement, "the recorded artist");
        ArtistShape.AssertHeldBy(fakeArtist.RootElement, "the fake's artist");
        ArtistAlbumsPageShape.AssertHeldBy(recordedAlbums.RootElement, "the recorded artist album page");
        ArtistAlbumsPageShape.AssertHeldBy(fakeAlbums.RootElement, "the fake's artist album page");
        Assert.NotEmpty(fakeArtist.RootElement.Deserialize(WireJsonContext.Default.WireArtist)!.Genres!);
        Assert.NotEmpty(fakeAlbums.RootElement.Deserialize(WireJsonContext.Default.WirePagingWireAlbum)!.Items!);
    }

    [Fact]
    public async Task A_fake_playlist_in_the_older_dialect_has_the_shape_of_the_recorded_playlist()
    {
        _spotify.Dialect = FakePlaylistDialect.Tracks;
        var playlist = _spotify.AddGeneratedPlaylist(10, access: FakePlaylistAccess.Anyone);

        var (recorded, fake) = await BothAsync("Spotify/playlist-5LkNhFidYyyjRWwnkcMbQs", $"/v1/playlists/{playlist.Id}");
        var (recordedPage, fakePage) = await BothAsync("Spotify/playlist-5LkNhFidYyyjRWwnkcMbQs-tracks", $"/v1/playlists/{playlist.Id}/tracks");

        PlaylistShape.AssertHeldBy(recorded.RootElement, "the recorded playlist");
        PlaylistShape.AssertHeldBy(fake.RootElement, "the fake's playlist");
        PlaylistTracksPageShape.AssertHeldBy(recordedPage.RootElement, "the recorded playlist track page");
        PlaylistTracksPageShape.AssertHeldBy(fakePage.RootElement, "the fake's playlist track page");
        foreach (var doc in new[] { recordedPage, fakePage })
        {
            var page = doc.RootElement.Deserialize(WireJsonContext.Default.WirePagingWirePlaylistItem)!;
            Assert.Contains(page.Items!, i => i?.Content?.Id is not null);
        }
    }

    [Fact]
    public async Task A_fake_text_search_has_the_shape_of_the_recorded_one_and_both_parse_into_songs_and_videos()
    {
        _music.Add(
            new FakeSong { VideoId = "fakesong001", Title = "Moments", Artists = ["Lost Identities"], Album = "Moments" },
            new FakeSong { VideoId = "fakevideo01", Title = "Moments (Official Video)", Artists = ["Lost Identities"], IsSong = false });

        using var recorded = Load("YouTube/ytmusic-search-query");
        using var fake = await SearchAsync("Lost Identities Moments");

        foreach (var (doc, what) in new[] { (recorded, "the recorded search"), (fake, "the fake's search") })
        {
            MusicSearchShape.AssertHeldBy(doc.RootElement, what);
            var page = YouTubeMusicSearchParser.Parse(doc.RootElement);
            Assert.Contains(page.Candidates, c => c.IsSong && c.Artists.Count > 0 && c.Duration > TimeSpan.Zero);
            Assert.Contains(page.Candidates, c => !c.IsSong);
        }
    }

    [Fact]
    public async Task A_fake_isrc_search_has_the_shape_of_the_recorded_one_and_both_parse_into_the_card_song()
    {
        _music.Add(new FakeSong { VideoId = "fakesong002", Title = "Nobody Else", Artists = ["Abstrakt"], Album = "Nobody Else", Isrc = "GB2LD2210007" });

        using var recorded = Load("YouTube/ytmusic-search-isrc");
        using var fake = await SearchAsync("GB2LD2210007");

        foreach (var (doc, what) in new[] { (recorded, "the recorded ISRC search"), (fake, "the fake's ISRC search") })
        {
            IsrcSearchShape.AssertHeldBy(doc.RootElement, what);
            var song = YouTubeMusicSearchParser.Parse(doc.RootElement).Candidates[0];
            Assert.True(song.IsSong, what);
            Assert.Equal("Nobody Else", song.Title);
            Assert.Equal(["Abstrakt"], song.Artists);
        }
    }

    [Fact]
    public async Task A_fake_player_answer_has_the_shape_of_the_recorded_one_and_both_parse_into_usable_audio()
    {
        _media.AddVideo("fakevideo02");

        using var recorded = Load("YouTubeMedia/player-ok");
        using var fake = await PostAsync(FakeYouTubeMedia.PlayerPath, """{"videoId":"fakevideo02","context":{"client":{"clientName":"ANDROID_VR","clientVersion":"1.60.19"}}}""");

        foreach (var (doc, what) in new[] { (recorded, "the recorded player answer"), (fake, "the fake's player answer") })
        {
            PlayerShape.AssertHeldBy(doc.RootElement, what);
            var response = PlayerResponseParser.Parse(doc.RootElement);
            Assert.True(response.IsPlayable, what);
            Assert.Contains(response.AudioStreams, s => s.IsUsable && s.ContentLength > 0);
        }
    }

    private static JsonDocument Load(string name) => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Fixtures, name + ".json")));

    private async Task<(JsonDocument Recorded, JsonDocument Fake)> BothAsync(string fixture, string pathAndQuery)
    {
        var token = await TokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, _host.Url(pathAndQuery));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var answer = await _http.SendAsync(request);
        var body = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.IsSuccessStatusCode, $"{pathAndQuery}: {(int)answer.StatusCode} {body}");
        return (Load(fixture), JsonDocument.Parse(body));
    }

    private async Task<string> TokenAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _host.Url("/api/token"))
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_spotify.ClientId}:{_spotify.ClientSecret}")));
        using var answer = await _http.SendAsync(request);
        answer.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("access_token").GetString()!;
    }

    private Task<JsonDocument> SearchAsync(string query) => PostAsync(
        FakeYouTubeMusic.SearchPath,
        JsonSerializer.Serialize(new { context = new { client = new { clientName = "WEB_REMIX", clientVersion = "1.20260101.01.00", hl = "en" } }, query }));

    private async Task<JsonDocument> PostAsync(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var answer = await _http.PostAsync(_host.Url(path), content);
        var body = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.IsSuccessStatusCode, $"{path}: {(int)answer.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }
}

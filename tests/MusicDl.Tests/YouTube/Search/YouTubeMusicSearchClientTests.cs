using System.Net;
using MusicDl.Http;
using MusicDl.Fakes;
using MusicDl.Fakes.YouTubeMusic;
using MusicDl.YouTube.Search;

namespace MusicDl.Tests.YouTube.Search;

public sealed class YouTubeMusicSearchClientTests : IAsyncLifetime
{
    private static readonly FakeSong Atv = new() { VideoId = "song0000001", Title = "Moments", Artists = ["Lost Identities", "Robbie Rosen"], Album = "Moments", Duration = TimeSpan.FromSeconds(220), Isrc = "GB2LD2210007", Explicit = true };
    private static readonly FakeSong Omv = new() { VideoId = "video000001", Title = "Moments", Artists = ["Robbie Rosen"], Duration = TimeSpan.FromSeconds(221), IsSong = false };

    private FakeSearchFixture _f = null!;
    private YouTubeMusicSearchClient _client = null!;

    public async Task InitializeAsync()
    {
        _f = await FakeSearchFixture.StartAsync();
        _f.Music.Add(Atv, Omv);
        _client = new YouTubeMusicSearchClient(_f.Http, _f.Endpoints, _f.Time);
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task Requests_go_as_WEB_REMIX_with_a_dated_version_consent_cookie_and_origin()
    {
        await _client.SearchAsync("Lost Identities - Moments", SearchFilter.None);

        var r = Assert.Single(_f.Music.Requests);
        Assert.Equal("WEB_REMIX", r.ClientName);
        Assert.Equal("1.20261125.01.00", r.ClientVersion);
        Assert.Equal("Lost Identities - Moments", r.Query);
        Assert.Null(r.Params);
        Assert.Equal("/youtubei/v1/search?alt=json", r.PathAndQuery);
        Assert.Equal("https://music.youtube.com", r.Origin);
        Assert.Equal("SOCS=CAI", r.Cookie);
        Assert.StartsWith("application/json", r.ContentType, StringComparison.Ordinal);
        Assert.Contains("Mozilla/5.0", r.UserAgent, StringComparison.Ordinal);
        Assert.Equal(1, _client.RequestCount);
    }

    [Fact]
    public async Task The_songs_and_videos_filters_send_their_params_and_get_only_their_kind()
    {
        var songs = await _client.SearchAsync("Lost Identities - Moments", SearchFilter.Songs);
        var videos = await _client.SearchAsync("Lost Identities - Moments", SearchFilter.Videos);

        Assert.Equal([FakeYouTubeMusic.SongsParams, FakeYouTubeMusic.VideosParams], _f.Music.Requests.Select(r => r.Params));
        Assert.Equal(["song0000001"], songs.Candidates.Select(c => c.VideoId));
        Assert.Equal(["video000001"], videos.Candidates.Select(c => c.VideoId));
        Assert.True(songs.Candidates[0].IsSong);
        Assert.True(songs.Candidates[0].Explicit);
        Assert.False(videos.Candidates[0].IsSong);
    }

    [Fact]
    public async Task An_unfiltered_search_reads_the_card_and_skips_albums_and_artists()
    {
        var page = await _client.SearchAsync("Robbie Rosen Moments", SearchFilter.None);

        Assert.Equal(["song0000001", "video000001"], page.Candidates.Select(c => c.VideoId));
        var top = page.Candidates[0];
        Assert.Equal(["Lost Identities", "Robbie Rosen"], top.Artists);
        Assert.Equal("Moments", top.Album);
        Assert.Equal(TimeSpan.FromSeconds(220), top.Duration);
        Assert.True(top.Explicit);
    }

    [Fact]
    public async Task An_isrc_search_answers_with_the_song()
    {
        var page = await _client.SearchAsync("GB2LD2210007", SearchFilter.None);

        Assert.Equal("song0000001", Assert.Single(page.Candidates).VideoId);
    }

    [Fact]
    public async Task Continuation_pages_are_fetched_until_the_last()
    {
        _f.Music.PageSize = 2;
        for (var i = 0; i < 5; i++)
        {
            _f.Music.Add(Atv with { VideoId = $"more0000{i:000}", Isrc = null });
        }

        var page = await _client.SearchAsync("Moments", SearchFilter.Songs);
        var all = page.Candidates.ToList();
        var pages = 1;
        while (page.ContinuationToken is { } token)
        {
            page = await _client.ContinueAsync("Moments", SearchFilter.Songs, token);
            all.AddRange(page.Candidates);
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(6, all.Select(c => c.VideoId).Distinct().Count());
        Assert.All(_f.Music.Requests.Skip(1), r =>
        {
            var token = Uri.EscapeDataString(r.Continuation!);
            Assert.Equal($"/youtubei/v1/search?alt=json&ctoken={token}&continuation={token}", r.PathAndQuery);
            Assert.Equal(FakeYouTubeMusic.SongsParams, r.Params);
        });
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(403, true)]
    [InlineData(400, false)]
    public async Task Http_errors_say_whether_they_may_pass(int status, bool transient)
    {
        _f.Music.Route.Fail(new FakeFault { Status = status, Times = 1 });

        var ex = await Assert.ThrowsAsync<ServiceException>(() => _client.SearchAsync("Moments", SearchFilter.Songs));

        Assert.Equal((HttpStatusCode)status, ex.Status);
        Assert.Equal(transient, ex.IsTransient);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_is_youtubes_session_limit_and_no_further_search_is_sent()
    {
        var session = new MusicDl.YouTube.YouTubeSession();
        var client = new YouTubeMusicSearchClient(_f.Http, _f.Endpoints, _f.Time, session: session);
        _f.Music.Route.Fail(new FakeFault { Status = 429, Times = 1 });

        await Assert.ThrowsAsync<MusicDl.YouTube.YouTubeSessionLimitedException>(() => client.SearchAsync("Moments", SearchFilter.Songs));
        await Assert.ThrowsAsync<MusicDl.YouTube.YouTubeSessionLimitedException>(() => client.SearchAsync("Moments", SearchFilter.Videos));

        Assert.True(session.IsLimited);
        Assert.Equal(1, _f.Music.Route.Count);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("{\"responseContext\":{\"visitorData\":\"x\"}}")]
    [InlineData("{\"contents\":{\"tabbedSearchResultsRenderer\":{\"tabs\":[]}}}")]
    public async Task An_answer_of_another_shape_is_a_transient_error_never_an_empty_result(string body)
    {
        _f.Music.Route.Fail(new FakeFault { Body = body, Times = 1 });

        var ex = await Assert.ThrowsAsync<ServiceException>(() => _client.SearchAsync("Moments", SearchFilter.Songs));

        Assert.True(ex.IsTransient);
        Assert.Contains("not a search result", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_well_formed_answer_without_results_is_an_empty_page()
    {
        _f.Music.Route.Fail(new FakeFault { Body = "{\"contents\":{\"tabbedSearchResultsRenderer\":{\"tabs\":[{\"tabRenderer\":{\"content\":{\"sectionListRenderer\":{\"contents\":[]}}}}]}}}", Times = 1 });

        var page = await _client.SearchAsync("Moments", SearchFilter.Songs);

        Assert.Empty(page.Candidates);
    }

    [Fact]
    public async Task A_malformed_answer_is_a_transient_error()
    {
        _f.Music.Route.Fail(new FakeFault { MalformedJson = true, Times = 1 });

        var ex = await Assert.ThrowsAsync<ServiceException>(() => _client.SearchAsync("Moments", SearchFilter.Songs));

        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task A_refused_connection_is_a_transient_error()
    {
        var endpoints = _f.Endpoints with { YouTubeMusic = new Uri("http://127.0.0.1:1") };
        var client = new YouTubeMusicSearchClient(_f.Http, endpoints, _f.Time);

        var ex = await Assert.ThrowsAsync<ServiceException>(() => client.SearchAsync("Moments", SearchFilter.Songs));

        Assert.True(ex.IsTransient);
    }
}

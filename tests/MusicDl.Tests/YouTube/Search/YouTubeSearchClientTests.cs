using MusicDl.Fakes.YouTubeMusic;
using MusicDl.YouTube.Search;

namespace MusicDl.Tests.YouTube.Search;

public sealed class YouTubeSearchClientTests : IAsyncLifetime
{
    private FakeSearchFixture _f = null!;
    private YouTubeSearchClient _client = null!;

    public async Task InitializeAsync()
    {
        _f = await FakeSearchFixture.StartAsync();
        _f.Music.Add(
            new FakeSong { VideoId = "omv00000001", Title = "Blinding Lights", Artists = ["The Weeknd"], IsSong = false, Duration = TimeSpan.FromSeconds(263) },
            new FakeSong { VideoId = "atv00000001", Title = "Blinding Lights", Artists = ["The Weeknd"], Duration = TimeSpan.FromSeconds(200) });
        _client = new YouTubeSearchClient(_f.Http, _f.Endpoints, _f.Time);
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public async Task Requests_go_as_WEB_with_the_videos_filter()
    {
        await _client.SearchAsync("The Weeknd - Blinding Lights", SearchFilter.Videos);

        var r = Assert.Single(_f.Music.Requests);
        Assert.Equal("WEB", r.ClientName);
        Assert.Equal("2.20261125.01.00", r.ClientVersion);
        Assert.Equal("EgIQAfABAQ==", r.Params);
        Assert.Equal("/youtubei/v1/search", r.PathAndQuery);
        Assert.Equal("https://www.youtube.com", r.Origin);
    }

    [Fact]
    public async Task Video_renderers_become_candidates_and_ads_channels_and_live_streams_are_skipped()
    {
        var page = await _client.SearchAsync("The Weeknd - Blinding Lights", SearchFilter.Videos);

        Assert.Equal(["omv00000001", "atv00000001"], page.Candidates.Select(c => c.VideoId));
        var video = page.Candidates[0];
        Assert.Equal("The Weeknd - Blinding Lights", video.Title);
        Assert.Equal(["The Weeknd"], video.Artists);
        Assert.Equal(TimeSpan.FromSeconds(263), video.Duration);
        Assert.False(video.IsSong);
        Assert.Equal(SearchProviders.YouTube, video.Provider);
        Assert.Equal(["The Weeknd - Topic"], page.Candidates[1].Artists);
    }

    [Fact]
    public async Task Continuation_tokens_are_posted_in_the_body()
    {
        _f.Music.PageSize = 1;

        var first = await _client.SearchAsync("The Weeknd - Blinding Lights", SearchFilter.Videos);
        var second = await _client.ContinueAsync("The Weeknd - Blinding Lights", SearchFilter.Videos, first.ContinuationToken!);

        Assert.Equal("omv00000001", Assert.Single(first.Candidates).VideoId);
        Assert.Equal("atv00000001", Assert.Single(second.Candidates).VideoId);
        Assert.Null(second.ContinuationToken);
        Assert.Equal(first.ContinuationToken, _f.Music.Requests.Last().Continuation);
        Assert.Null(_f.Music.Requests.Last().Query);
    }

    [Fact]
    public void Plain_YouTube_cannot_filter_songs()
    {
        Assert.False(_client.Supports(SearchFilter.Songs));
        Assert.True(_client.Supports(SearchFilter.Videos));
    }
}

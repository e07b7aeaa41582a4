using MusicDl.Fakes.YouTubeMedia;
using MusicDl.Fakes.YouTubeMusic;
using MusicDl.YouTube.Search;
using MusicDl.YouTube.Visitor;

namespace MusicDl.Tests.YouTube.Search;

/// <summary>Searches as ytmusicapi and yt-dlp make and read them in late 2026 (issue 17).</summary>
public sealed class Search2026ShapeTests : IAsyncLifetime
{
    private FakeSearchFixture _f = null!;

    public async Task InitializeAsync()
    {
        _f = await FakeSearchFixture.StartAsync();
        _f.Music.Add(new FakeSong { VideoId = "atv00000001", Title = "Blinding Lights", Artists = ["The Weeknd"], Duration = TimeSpan.FromSeconds(200) });
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    [Fact]
    public void Results_inside_item_section_blocks_are_read_like_the_same_items_in_shelves()
    {
        using var reshaped = RecordedAnswers.Load("ytmusic-search-itemsection.json");
        using var original = RecordedAnswers.Load("ytmusic-search-query.json");

        var page = YouTubeMusicSearchParser.Parse(reshaped.RootElement);

        Assert.Equal(["0h6XAAwX8II", "wgpEmlJ3guA", "r51FxWfnbh0", "14CjyUYO8lE", "GnKXjblvqOg", "EPwGkq2QZ8w"], page.Candidates.Select(c => c.VideoId));
        var fromShelves = YouTubeMusicSearchParser.Parse(original.RootElement).Candidates.ToDictionary(c => c.VideoId);
        Assert.All(page.Candidates, c => Assert.Equal(fromShelves[c.VideoId] with { Artists = c.Artists }, c));
        Assert.All(page.Candidates, c => Assert.Equal(fromShelves[c.VideoId].Artists, c.Artists));
        Assert.True(page.Candidates[0].IsSong);
        Assert.False(page.Candidates[4].IsSong);
    }

    [Fact]
    public void Lockup_view_model_videos_are_read_as_yt_dlp_reads_them_and_playlists_live_streams_and_ads_are_not()
    {
        using var doc = RecordedAnswers.Load("youtube-search-lockup.json");

        var page = YouTubeSearchParser.Parse(doc.RootElement);

        Assert.Equal(
            [("0h6XAAwX8II", 201, "Lost Identities"), ("GnKXjblvqOg", 178, "Lyrical Lemonade Vibes"), ("14CjyUYO8lE", 185, "Robbie Rosen")],
            page.Candidates.Select(c => (c.VideoId, (int)c.Duration!.Value.TotalSeconds, c.Artists.Single())));
        Assert.Equal("Lost Identities x Robbie Rosen - Moments (Official Audio)", page.Candidates[0].Title);
        Assert.All(page.Candidates, c => Assert.Equal(SearchProviders.YouTube, c.Provider));
        Assert.StartsWith("EqMDEgdtb21lbnRz", page.ContinuationToken, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Both_searches_carry_the_runs_visitor_data_in_the_header_and_the_context()
    {
        var media = await FakeYouTubeMedia.StartAsync(_f.Host);
        var visitor = new VisitorSession(new VisitorDataClient(_f.Http, _f.Host.BaseUri));

        await new YouTubeMusicSearchClient(_f.Http, _f.Endpoints, _f.Time, visitor).SearchAsync("The Weeknd - Blinding Lights", SearchFilter.Songs);
        await new YouTubeSearchClient(_f.Http, _f.Endpoints, _f.Time, visitor).SearchAsync("The Weeknd - Blinding Lights", SearchFilter.Videos);

        Assert.Equal(["WEB_REMIX", "WEB"], _f.Music.Requests.Select(r => r.ClientName));
        Assert.All(_f.Music.Requests, r => Assert.Equal(FakeYouTubeMedia.IssuedVisitorData, r.VisitorIdHeader));
        Assert.All(_f.Music.Requests, r => Assert.Equal(FakeYouTubeMedia.IssuedVisitorData, r.ContextVisitorData));
        Assert.Equal(1, media.VisitorDataFetches);
    }

    [Fact]
    public async Task The_country_is_the_market_when_one_is_set_and_none_is_sent_otherwise()
    {
        await new YouTubeMusicSearchClient(_f.Http, _f.Endpoints, _f.Time, gl: "SE").SearchAsync("Blinding Lights", SearchFilter.Songs);
        await new YouTubeSearchClient(_f.Http, _f.Endpoints, _f.Time, gl: "SE").SearchAsync("Blinding Lights", SearchFilter.Videos);
        await new YouTubeMusicSearchClient(_f.Http, _f.Endpoints, _f.Time).SearchAsync("Blinding Lights", SearchFilter.Songs);

        Assert.Equal(["SE", "SE", null], _f.Music.Requests.Select(r => r.Gl));
        Assert.All(_f.Music.Requests, r => Assert.Null(r.VisitorIdHeader));
    }
}

using MusicDl.Fakes;
using MusicDl.Fakes.YouTubeMedia;
using MusicDl.Tests.Caching;
using MusicDl.YouTube.Visitor;

namespace MusicDl.Tests.YouTube.Visitor;

/// <summary>
/// Issue 24: 2026 pages keep visitor data at ytcfg INNERTUBE_CONTEXT.client.visitorData (no top-level VISITOR_DATA);
/// the older keys come next, then responseContext.visitorData of an InnerTube answer; a page without any says so.
/// </summary>
public sealed class VisitorData2026Tests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private FakeHost _host = null!;
    private FakeYouTubeMedia _fake = null!;

    public async Task InitializeAsync()
    {
        _host = await FakeHost.StartAsync();
        _fake = await FakeYouTubeMedia.StartAsync(_host);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public void The_innertube_context_comes_before_the_older_keys_wherever_they_stand()
    {
        const string page = "<script>ytcfg.set({\"SBOX_SETTINGS\":{\"VISITOR_DATA\":\"U2JveA\\u003d\\u003d\"},\"VISITOR_DATA\":\"T2xk\","
            + "\"INNERTUBE_CONTEXT\":{\"client\":{\"hl\":\"en\",\"visitorData\":\"Q3R4\\u003d\"}}});</script>";

        Assert.Equal("Q3R4=", VisitorDataParser.FromPage(page));
    }

    [Fact]
    public void Without_the_innertube_context_the_older_keys_are_read_top_level_first()
    {
        const string both = "<script>ytcfg.set({\"SBOX_SETTINGS\":{\"VISITOR_DATA\":\"U2JveA\"},\"VISITOR_DATA\":\"T2xk\"});</script>";
        const string sboxOnly = "<script>ytcfg.set({\"INNERTUBE_CONTEXT\":{\"client\":{\"hl\":\"en\"}},\"SBOX_SETTINGS\":{\"VISITOR_DATA\":\"U2JveA\"}});</script>";

        Assert.Equal("T2xk", VisitorDataParser.FromPage(both));
        Assert.Equal("U2JveA", VisitorDataParser.FromPage(sboxOnly));
    }

    [Fact]
    public void A_page_with_only_an_embedded_answer_gives_its_response_context_visitor_data()
    {
        const string page = "<script>ytcfg.set({\"INNERTUBE_CONTEXT\":{\"client\":{\"hl\":\"en\"}}});</script>"
            + "<script>var ytInitialData = {\"responseContext\":{\"serviceTrackingParams\":[{\"service\":\"CSI\"}],\"visitorData\":\"UmVzcA%3D%3D\"},\"contents\":{}};</script>";

        Assert.Equal("UmVzcA%3D%3D", VisitorDataParser.FromPage(page));
        Assert.Null(VisitorDataParser.FromPage("<script>ytcfg.set({\"INNERTUBE_CONTEXT\":{\"client\":{\"hl\":\"en\"}}});</script>"));
    }

    [Theory]
    [InlineData(FakeHomePageVisitorData.InnerTubeContext)]
    [InlineData(FakeHomePageVisitorData.OlderKey)]
    [InlineData(FakeHomePageVisitorData.ResponseContextOnly)]
    public async Task When_sw_js_data_fails_the_home_page_gives_it_and_one_line_says_so(FakeHomePageVisitorData shape)
    {
        _fake.HomePageVisitorData = shape;
        _fake.SwJsDataRoute.Fail(new FakeFault { Status = 500 });
        var log = new ListLogger();

        var value = await new VisitorDataClient(_http, _host.BaseUri, log).FetchAsync();

        Assert.Equal(FakeYouTubeMedia.IssuedVisitorData, value);
        var line = Assert.Single(log.Entries);
        Assert.Contains("sw.js_data failed", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_home_page_without_any_visitor_data_is_an_error_naming_where_it_looked()
    {
        _fake.HomePageVisitorData = FakeHomePageVisitorData.None;
        _fake.SwJsDataRoute.Fail(new FakeFault { Status = 500 });

        var error = await Assert.ThrowsAsync<VisitorDataException>(() => new VisitorDataClient(_http, _host.BaseUri).FetchAsync());

        Assert.Contains("INNERTUBE_CONTEXT.client.visitorData", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_whose_fetch_failed_takes_the_visitor_data_an_innertube_answer_repeats()
    {
        _fake.HomePageVisitorData = FakeHomePageVisitorData.None;
        _fake.SwJsDataRoute.Fail(new FakeFault { Status = 500 });
        var session = new VisitorSession(new VisitorDataClient(_http, _host.BaseUri));
        Assert.Null(await session.GetAsync());

        session.Offer("RnJvbUFuc3dlcg%3D%3D");
        session.Offer("QW5vdGhlcg%3D%3D");

        Assert.Equal("RnJvbUFuc3dlcg%3D%3D", await session.GetAsync());
        Assert.Equal(2, _fake.VisitorDataFetches);
    }
}

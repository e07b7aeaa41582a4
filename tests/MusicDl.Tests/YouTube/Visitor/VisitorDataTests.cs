using Microsoft.Extensions.Time.Testing;
using MusicDl.Caching;
using MusicDl.Configuration;
using MusicDl.Fakes;
using MusicDl.Fakes.YouTubeMedia;
using MusicDl.Tests.Caching;
using MusicDl.Tests.TestSupport;
using MusicDl.YouTube.Player;
using MusicDl.YouTube.Visitor;

namespace MusicDl.Tests.YouTube.Visitor;

/// <summary>Visitor data (issue 17): where it comes from, once per run, kept for hours, sent on every player call.</summary>
public sealed class VisitorDataTests : IAsyncLifetime
{
    private const string VideoId = "AjXQiKP5kMs";
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
    public void The_value_is_read_at_0_2_0_0_13_after_the_guard_line_of_sw_js_data()
    {
        var inner = string.Join(',', Enumerable.Range(0, 13).Select(i => i % 3 == 0 ? "null" : $"\"f{i}\"")) + ",\"CgtWaXNpdG9yMTIzKKCB%3D%3D\",\"2.2026\"";
        var text = ")]}'\n[[\"yt.sw.adr\",null,[[[" + inner + "]]]]]";

        Assert.Equal("CgtWaXNpdG9yMTIzKKCB%3D%3D", VisitorDataParser.FromSwJsData(text));
        Assert.Null(VisitorDataParser.FromSwJsData(")]}'\n[[\"yt.sw.adr\",null,[]]]"));
        Assert.Null(VisitorDataParser.FromSwJsData("<html>not json</html>"));
    }

    [Fact]
    public void The_page_fallback_reads_VISITOR_DATA_from_ytcfg_set_and_undoes_json_escapes()
    {
        const string page = "<script>ytcfg.set({\"HL\":\"en\",\"VISITOR_DATA\":\"Cgt4eVo\\u003d\",\"GL\":\"DE\"});</script>";

        Assert.Equal("Cgt4eVo=", VisitorDataParser.FromPage(page));
        Assert.Null(VisitorDataParser.FromPage("<script>var x = {\"VISITOR_DATA\":\"nope\"};</script>"));
    }

    [Fact]
    public async Task The_client_takes_it_from_sw_js_data_and_falls_back_to_the_home_page()
    {
        var client = new VisitorDataClient(_http, _host.BaseUri);

        Assert.Equal(FakeYouTubeMedia.IssuedVisitorData, await client.FetchAsync());
        Assert.Equal((1, 0), (_fake.SwJsDataRoute.Count, _fake.HomeRoute.Count));

        _fake.SwJsDataRoute.Fail(new FakeFault { Status = 500 });
        Assert.Equal(FakeYouTubeMedia.IssuedVisitorData, await client.FetchAsync());
        Assert.Equal((2, 1), (_fake.SwJsDataRoute.Count, _fake.HomeRoute.Count));
    }

    [Fact]
    public async Task An_oversize_sw_js_data_is_a_failed_source_and_an_oversize_home_page_is_no_visitor_data()
    {
        var client = new VisitorDataClient(_http, _host.BaseUri);
        _fake.SwJsDataRoute.Fail(new FakeFault { OversizeJsonBytes = 9 * 1024 * 1024 });

        Assert.Equal(FakeYouTubeMedia.IssuedVisitorData, await client.FetchAsync());

        _fake.HomeRoute.Fail(new FakeFault { OversizeJsonBytes = 9 * 1024 * 1024 });
        var ex = await Assert.ThrowsAsync<VisitorDataException>(() => client.FetchAsync());
        Assert.Contains("larger than 8 MB", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Many_callers_at_once_cause_one_fetch()
    {
        var session = new VisitorSession(new VisitorDataClient(_http, _host.BaseUri));
        _fake.SwJsDataRoute.HoldRequest(1);

        var callers = Enumerable.Range(0, 8).Select(_ => session.GetAsync().AsTask()).ToList();
        await _fake.SwJsDataRoute.Held;
        _fake.SwJsDataRoute.Release();
        var values = await Task.WhenAll(callers);

        Assert.All(values, v => Assert.Equal(FakeYouTubeMedia.IssuedVisitorData, v));
        Assert.Equal(1, _fake.VisitorDataFetches);
        Assert.Equal(FakeYouTubeMedia.IssuedVisitorData, await session.GetAsync());
        Assert.Equal(1, _fake.VisitorDataFetches);
    }

    [Fact]
    public async Task The_next_run_within_hours_takes_it_from_the_cache_and_after_the_ttl_fetches_again()
    {
        var time = new FakeTimeProvider();
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "cache.db");
        await using (var first = TestCache.OnDisk(file, time))
        {
            var run = new VisitorSession(new CachingVisitorDataSource(new VisitorDataClient(_http, _host.BaseUri), first), time);
            Assert.Equal(FakeYouTubeMedia.IssuedVisitorData, await run.GetAsync());
        }

        time.Advance(TimeSpan.FromHours(3));
        await using (var second = TestCache.OnDisk(file, time))
        {
            var run = new VisitorSession(new CachingVisitorDataSource(new VisitorDataClient(_http, _host.BaseUri), second), time);
            Assert.Equal(FakeYouTubeMedia.IssuedVisitorData, await run.GetAsync());
        }

        Assert.Equal(1, _fake.VisitorDataFetches);
        time.Advance(CacheRegionDefaults.VisitorDataTtl);
        await using (var later = TestCache.OnDisk(file, time))
        {
            var run = new VisitorSession(new CachingVisitorDataSource(new VisitorDataClient(_http, _host.BaseUri), later), time);
            Assert.Equal(FakeYouTubeMedia.IssuedVisitorData, await run.GetAsync());
        }

        Assert.Equal(2, _fake.VisitorDataFetches);
    }

    [Fact]
    public async Task Without_any_source_the_run_goes_on_without_it_warns_once_and_asks_again_only_later()
    {
        var time = new FakeTimeProvider();
        var log = new ListLogger();
        var session = new VisitorSession(new VisitorDataClient(_http, _host.BaseUri), time, log);
        _fake.SwJsDataRoute.Fail(new FakeFault { Status = 503, Times = 2 });
        _fake.HomeRoute.Fail(new FakeFault { Status = 503, Times = 1 });

        Assert.Null(await session.GetAsync());
        Assert.Null(await session.GetAsync());
        Assert.Equal(2, _fake.VisitorDataFetches);
        Assert.Contains(log.Entries.Select(e => e.Message), m => m.Contains("No YouTube visitor data", StringComparison.Ordinal) && m.Contains("503", StringComparison.Ordinal));

        time.Advance(session.RetryAfter);
        Assert.Equal(FakeYouTubeMedia.IssuedVisitorData, await session.GetAsync());
    }

    [Fact]
    public async Task A_player_that_requires_visitor_data_refuses_a_call_without_it_and_serves_one_with_it()
    {
        _fake.RequireVisitorData = true;
        _fake.AddVideo(VideoId);
        var settings = new MusicDlSettings { Endpoints = Endpoints.Default with { YouTube = _host.BaseUri } };

        var bare = await new PlayerClient(_http, settings).TryClientAsync(VideoId, YouTubeClientDefaults.VisionOs, AudioFormat.Opus);
        var session = new VisitorSession(new VisitorDataClient(_http, _host.BaseUri));
        var sent = await new PlayerClient(_http, settings, visitor: session).TryClientAsync(VideoId, YouTubeClientDefaults.VisionOs, AudioFormat.Opus);

        Assert.Equal(PlayerFailureKind.BotCheck, bare.Failure!.Kind);
        Assert.Equal(251, sent.Stream!.Itag);
        var requests = _fake.PlayerRequests.ToArray();
        Assert.False(requests[0].HadVisitorData);
        Assert.True(requests[1].HadVisitorData);
        Assert.Equal(FakeYouTubeMedia.IssuedVisitorData, requests[1].VisitorIdHeader);
        Assert.Equal(FakeYouTubeMedia.IssuedVisitorData, requests[1].ContextVisitorData);
    }
}

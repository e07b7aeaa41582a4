using System.Net;
using MusicDl.Fakes;
using MusicDl.Fakes.Lrclib;
using MusicDl.Fakes.MusicBrainz;

namespace MusicDl.Tests.Fakes;

/// <summary>What the LRCLIB and MusicBrainz fakes share: counting over all their routes and whole-service faults.</summary>
public sealed class FakeOpenServiceTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private FakeHost _host = null!;

    public async Task InitializeAsync() => _host = await FakeHost.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Each_service_counts_the_requests_on_its_own_routes_and_notes_their_path_and_user_agent()
    {
        var lrclib = new FakeLrclib(_host);
        var musicBrainz = new FakeMusicBrainz(_host);
        using var request = new HttpRequestMessage(HttpMethod.Get, _host.Url("/api/search?q=song"));
        request.Headers.UserAgent.ParseAdd("probe/1.0");

        using var get = await _http.GetAsync(_host.Url("/api/get?track_name=x&artist_name=y&album_name=z&duration=1"));
        using var search = await _http.SendAsync(request);
        using var isrc = await _http.GetAsync(_host.Url("/ws/2/isrc/GBUM71029604?fmt=json"));

        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(2, lrclib.RequestCount);
        Assert.Equal(["/api/get?track_name=x&artist_name=y&album_name=z&duration=1", "/api/search?q=song"], lrclib.Requests);
        Assert.Equal(1, musicBrainz.RequestCount);
        Assert.Equal(["/ws/2/isrc/GBUM71029604?fmt=json"], musicBrainz.Requests);
        Assert.Equal("probe/1.0", lrclib.LastUserAgent);
    }

    [Fact]
    public async Task A_service_fault_hits_every_route_of_that_service_only_until_cleared()
    {
        var lrclib = new FakeLrclib(_host);
        var musicBrainz = new FakeMusicBrainz(_host);
        lrclib.Fail(new FakeFault { Status = 502 });

        using var get = await _http.GetAsync(_host.Url("/api/get?track_name=x&artist_name=y&album_name=z&duration=1"));
        using var search = await _http.GetAsync(_host.Url("/api/search?q=song"));
        using var isrc = await _http.GetAsync(_host.Url("/ws/2/isrc/GBUM71029604?fmt=json"));
        lrclib.ClearFaults();
        using var again = await _http.GetAsync(_host.Url("/api/search?q=song"));

        Assert.Equal(HttpStatusCode.BadGateway, get.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, search.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, isrc.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(3, lrclib.RequestCount);
        Assert.Equal(1, musicBrainz.RequestCount);
    }
}

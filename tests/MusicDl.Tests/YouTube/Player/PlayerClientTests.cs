using System.Text.Json;
using MusicDl.Configuration;
using MusicDl.Fakes;
using MusicDl.Fakes.YouTubeMedia;
using MusicDl.YouTube.Player;

namespace MusicDl.Tests.YouTube.Player;

public sealed class PlayerClientTests : IAsyncLifetime
{
    private const string VideoId = "AjXQiKP5kMs";

    // Several clients in a row (the default is visionos alone since late 2026); the retired ones serve as the others.
    private static readonly YouTubeClientSettings[] ThreeClients =
        [YouTubeClientDefaults.VisionOs, YouTubeClientDefaults.Retired["tv_embedded"].Client, YouTubeClientDefaults.Retired["android_vr"].Client];

    private readonly HttpClient _http = new();
    private FakeHost _host = null!;
    private FakeYouTubeMedia _fake = null!;
    private PlayerClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await FakeHost.StartAsync();
        _fake = await FakeYouTubeMedia.StartAsync(_host);
        var settings = new MusicDlSettings { Endpoints = Endpoints.Default with { YouTube = _host.BaseUri }, YouTubeClients = ThreeClients };
        _client = new PlayerClient(_http, settings);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task The_request_carries_the_client_context_and_its_headers()
    {
        _fake.AddVideo(VideoId);

        await _client.GetPlayerAsync(VideoId, YouTubeClientDefaults.All[0]);

        var request = Assert.Single(_fake.PlayerRequests);
        Assert.Equal("101", request.ClientNameHeader);
        Assert.Equal("1.02", request.ClientVersionHeader);
        Assert.StartsWith("Mozilla/5.0 (Macintosh", request.UserAgent, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal(VideoId, root.GetProperty("videoId").GetString());
        Assert.True(root.GetProperty("contentCheckOk").GetBoolean());
        Assert.True(root.GetProperty("racyCheckOk").GetBoolean());
        var client = root.GetProperty("context").GetProperty("client");
        Assert.Equal("VISIONOS", client.GetProperty("clientName").GetString());
        Assert.Equal("RealityDevice17,1", client.GetProperty("deviceModel").GetString());
        Assert.Equal("visionOS", client.GetProperty("osName").GetString());
    }

    [Fact]
    public async Task The_embedded_client_names_its_screen_and_embedding_page()
    {
        _fake.AddVideo(VideoId);

        await _client.GetPlayerAsync(VideoId, YouTubeClientDefaults.Retired["tv_embedded"].Client);

        using var body = JsonDocument.Parse(Assert.Single(_fake.PlayerRequests).Body);
        var context = body.RootElement.GetProperty("context");
        Assert.Equal("EMBED", context.GetProperty("client").GetProperty("clientScreen").GetString());
        Assert.Equal("https://www.youtube.com/", context.GetProperty("thirdParty").GetProperty("embedUrl").GetString());
        Assert.Equal("85", _fake.PlayerRequests.Single().ClientNameHeader);
    }

    [Fact]
    public async Task A_single_player_5xx_is_retried_and_the_same_client_then_answers()
    {
        _fake.AddVideo(VideoId);
        _fake.PlayerRoute.Fail(new FakeFault { Status = 503, Times = 1 });
        var client = new PlayerClient(_http, _client.Settings, retryBaseDelay: TimeSpan.Zero);

        var response = await client.GetPlayerAsync(VideoId, YouTubeClientDefaults.All[0]);

        Assert.True(response.IsPlayable);
        Assert.Equal(2, _fake.PlayerRoute.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_session_limit_or_a_429_stops_every_further_player_call(bool http429)
    {
        _fake.AddVideo(VideoId);
        _fake.AddVideo("BjXQiKP5kMs");
        if (http429)
        {
            _fake.PlayerRoute.Fail(new FakeFault { Status = 429, Times = 1 });
        }
        else
        {
            _fake.SessionLimited = true;
        }

        var first = await Assert.ThrowsAsync<MusicDl.YouTube.YouTubeSessionLimitedException>(() => _client.GetPlayerAsync(VideoId, YouTubeClientDefaults.All[0]));
        _fake.SessionLimited = false;
        var second = await Assert.ThrowsAsync<MusicDl.YouTube.YouTubeSessionLimitedException>(() => _client.GetPlayerAsync("BjXQiKP5kMs", YouTubeClientDefaults.All[0]));

        Assert.Equal(1, _fake.PlayerRoute.Count);
        Assert.Contains(http429 ? "429" : "try again later", first.Evidence, StringComparison.Ordinal);
        Assert.Contains("rate-limited this session", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pacing_holds_player_calls_beyond_the_window_allowance_until_the_window_moves()
    {
        _fake.AddVideo(VideoId);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var settings = new MusicDlSettings
        {
            Endpoints = Endpoints.Default with { YouTube = _host.BaseUri },
            YouTubeRateLimitEnabled = true,
            YouTubeRateLimitRequests = 2,
            YouTubeRateLimitWindow = TimeSpan.FromSeconds(60),
        };
        var paced = new PlayerClient(_http, settings, time: time);
        var client = YouTubeClientDefaults.All[0];

        await paced.GetPlayerAsync(VideoId, client);
        await paced.GetPlayerAsync(VideoId, client);
        var third = paced.GetPlayerAsync(VideoId, client);

        Assert.False(third.IsCompleted);
        Assert.Equal(2, _fake.PlayerRoute.Count);
        time.Advance(TimeSpan.FromSeconds(60));
        await third;
        Assert.Equal(3, _fake.PlayerRoute.Count);
    }
}

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
}

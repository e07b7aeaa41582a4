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
    public async Task The_first_client_that_yields_a_stream_wins_and_later_ones_are_not_asked()
    {
        _fake.AddVideo(VideoId);

        var resolution = await _client.ResolveAsync(VideoId, AudioFormat.Opus);

        Assert.True(resolution.Succeeded);
        Assert.Equal("visionos", resolution.Client);
        Assert.Equal(251, resolution.Stream!.Itag);
        Assert.Equal(1, _fake.PlayerRoute.Count);
        Assert.Empty(resolution.Failures);
    }

    [Fact]
    public async Task Clients_are_tried_in_order_until_one_yields_a_usable_stream()
    {
        _fake.AddVideo(VideoId, FakePlayerBehaviour.Playable)
            .ForClient("VISIONOS", FakePlayerBehaviour.BotCheck)
            .ForClient("TVHTML5_SIMPLY_EMBEDDED_PLAYER", FakePlayerBehaviour.CipherOnly);

        var resolution = await _client.ResolveAsync(VideoId, AudioFormat.M4a);

        Assert.Equal("android_vr", resolution.Client);
        Assert.Equal(140, resolution.Stream!.Itag);
        Assert.Equal(["VISIONOS", "TVHTML5_SIMPLY_EMBEDDED_PLAYER", "ANDROID_VR"], _fake.PlayerRequests.Select(r => r.ClientName));
        Assert.Equal([PlayerFailureKind.BotCheck, PlayerFailureKind.NoUsableStream], resolution.Failures.Select(f => f.Kind));
    }

    [Fact]
    public async Task The_configured_client_order_is_followed()
    {
        _fake.AddVideo(VideoId, FakePlayerBehaviour.Unplayable);
        var reversed = new MusicDlSettings
        {
            Endpoints = Endpoints.Default with { YouTube = _host.BaseUri },
            YouTubeClients = ThreeClients.Reverse().ToArray(),
        };

        await new PlayerClient(_http, reversed).ResolveAsync(VideoId, AudioFormat.Mp3);

        Assert.Equal(["ANDROID_VR", "TVHTML5_SIMPLY_EMBEDDED_PLAYER", "VISIONOS"], _fake.PlayerRequests.Select(r => r.ClientName));
    }

    [Theory]
    [InlineData(FakePlayerBehaviour.Unplayable, PlayerFailureKind.Unplayable, true)]
    [InlineData(FakePlayerBehaviour.Unavailable, PlayerFailureKind.Unavailable, true)]
    [InlineData(FakePlayerBehaviour.Private, PlayerFailureKind.Unavailable, true)]
    [InlineData(FakePlayerBehaviour.BotCheck, PlayerFailureKind.BotCheck, false)]
    [InlineData(FakePlayerBehaviour.LoginRequired, PlayerFailureKind.LoginRequired, false)]
    [InlineData(FakePlayerBehaviour.AgeGated, PlayerFailureKind.AgeRestricted, false)]
    [InlineData(FakePlayerBehaviour.CipherOnly, PlayerFailureKind.NoUsableStream, false)]
    public async Task Every_refusal_of_the_fake_maps_to_its_kind_for_every_client(FakePlayerBehaviour behaviour, PlayerFailureKind kind, bool aboutTrack)
    {
        _fake.AddVideo(VideoId, behaviour);

        var resolution = await _client.ResolveAsync(VideoId, AudioFormat.Mp3);

        Assert.False(resolution.Succeeded);
        Assert.Equal(3, resolution.Failures.Count);
        Assert.All(resolution.Failures, f => Assert.Equal(kind, f.Kind));
        Assert.Equal(aboutTrack, PlayerFailures.Combine(VideoId, resolution.Failures).IsAboutTrack);
        Assert.Equal(["visionos", "tv_embedded", "android_vr"], resolution.Failures.Select(f => f.Client));
    }

    [Fact]
    public async Task A_player_http_error_is_a_service_error_and_not_about_the_track()
    {
        _fake.AddVideo(VideoId);
        _fake.PlayerRoute.Fail(new FakeFault { Status = 500, Times = 1 });

        var resolution = await _client.ResolveAsync(VideoId, AudioFormat.Opus);

        Assert.Equal("tv_embedded", resolution.Client);
        var failure = Assert.Single(resolution.Failures);
        Assert.Equal(PlayerFailureKind.ServiceError, failure.Kind);
        Assert.False(failure.IsAboutTrack);
        Assert.Contains("500", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_is_a_service_error()
    {
        _fake.AddVideo(VideoId);
        _fake.PlayerRoute.Fail(new FakeFault { MalformedJson = true });

        var resolution = await _client.ResolveAsync(VideoId, AudioFormat.Opus);

        Assert.All(resolution.Failures, f => Assert.Equal(PlayerFailureKind.ServiceError, f.Kind));
        Assert.Contains("not valid JSON", resolution.Failures[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AjXQiKP5kM!")]
    [InlineData("https://youtu.be/AjXQiKP5kMs")]
    public async Task Invalid_video_ids_are_rejected_with_a_clear_message(string id)
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _client.ResolveAsync(id, AudioFormat.Mp3));

        Assert.Contains("is not a YouTube video id", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, _fake.PlayerRoute.Count);
    }
}

using Microsoft.Extensions.Time.Testing;
using MusicDl.Configuration;
using MusicDl.Fakes;
using MusicDl.Fakes.YouTubeMedia;
using MusicDl.YouTube.Download;
using MusicDl.YouTube.Player;

namespace MusicDl.Tests.YouTube.Download;

/// <summary>
/// The order in which the player clients are asked and how their refusals are classified, through the loop the
/// pipeline runs (<see cref="AudioDownloader.DownloadAsync"/>), with no yt-dlp so only the native clients answer.
/// </summary>
public sealed class ClientOrderTests : IAsyncLifetime
{
    private const string VideoId = MediaTestBed.VideoId;
    private MediaTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await MediaTestBed.StartAsync("clients");

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    // Several clients in a row (the default is visionos alone since late 2026); the retired ones serve as the others.
    private static readonly YouTubeClientSettings[] ThreeClients =
        [YouTubeClientDefaults.VisionOs, YouTubeClientDefaults.Retired["tv_embedded"].Client, YouTubeClientDefaults.Retired["android_vr"].Client];

    // A yt-dlp path that does not exist keeps a yt-dlp installed on this machine out of the tests.
    private AudioDownloader Downloader(IReadOnlyList<YouTubeClientSettings>? clients = null) => new(
        new MusicDlSettings
        {
            Endpoints = Endpoints.Default with { YouTube = _bed.Host.BaseUri },
            YtDlpPath = Path.Combine(_bed.Folder, "no-yt-dlp"),
            YouTubeClients = clients ?? ThreeClients,
        },
        _bed.Http,
        MusicDl.Tests.TestSupport.TestHost.PathVariable,
        new FakeTimeProvider(),
        new RangedDownloadOptions { PieceSize = 8192, BaseDelay = TimeSpan.Zero });

    [Fact]
    public async Task The_first_client_that_yields_a_stream_wins_and_later_ones_are_not_asked()
    {
        _bed.Fake.AddVideo(VideoId);

        var result = await Downloader().DownloadAsync(VideoId, AudioFormat.Opus, _bed.Destination);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal("visionos", result.Audio!.Via);
        Assert.Equal(251, result.Audio.Itag);
        Assert.Equal(1, _bed.Fake.PlayerRoute.Count);
        Assert.Empty(result.Attempts);
    }

    [Fact]
    public async Task Clients_are_tried_in_order_until_one_yields_a_usable_stream()
    {
        _bed.Fake.AddVideo(VideoId, FakePlayerBehaviour.Playable)
            .ForClient("VISIONOS", FakePlayerBehaviour.BotCheck)
            .ForClient("TVHTML5_SIMPLY_EMBEDDED_PLAYER", FakePlayerBehaviour.CipherOnly);

        var result = await Downloader().DownloadAsync(VideoId, AudioFormat.M4a, _bed.Destination);

        Assert.Equal("android_vr", result.Audio!.Via);
        Assert.Equal(140, result.Audio.Itag);
        Assert.Equal(["VISIONOS", "TVHTML5_SIMPLY_EMBEDDED_PLAYER", "ANDROID_VR"], _bed.Fake.PlayerRequests.Select(r => r.ClientName));
        Assert.Equal([PlayerFailureKind.BotCheck, PlayerFailureKind.NoUsableStream], result.Attempts.Select(f => f.Kind));
    }

    [Fact]
    public async Task The_configured_client_order_is_followed()
    {
        _bed.Fake.AddVideo(VideoId, FakePlayerBehaviour.Unplayable);

        await Downloader(ThreeClients.Reverse().ToArray()).DownloadAsync(VideoId, AudioFormat.Mp3, _bed.Destination);

        Assert.Equal(["ANDROID_VR", "TVHTML5_SIMPLY_EMBEDDED_PLAYER", "VISIONOS"], _bed.Fake.PlayerRequests.Select(r => r.ClientName));
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
        _bed.Fake.AddVideo(VideoId, behaviour);

        var result = await Downloader().DownloadAsync(VideoId, AudioFormat.Mp3, _bed.Destination);

        Assert.False(result.Succeeded);
        Assert.Equal(3, result.Attempts.Count);
        Assert.All(result.Attempts, f => Assert.Equal(kind, f.Kind));
        Assert.Equal(aboutTrack, PlayerFailures.Combine(VideoId, result.Attempts).IsAboutTrack);
        Assert.Equal(["visionos", "tv_embedded", "android_vr"], result.Attempts.Select(f => f.Client));
        Assert.Equal(0, _bed.Fake.MediaRoute.Count);
    }

    [Fact]
    public async Task A_player_http_error_is_a_service_error_and_not_about_the_track()
    {
        _bed.Fake.AddVideo(VideoId);

        // The first client's call and its three retries (max_retries).
        _bed.Fake.PlayerRoute.Fail(new FakeFault { Status = 500, Times = 4 });

        var result = await Downloader().DownloadAsync(VideoId, AudioFormat.Opus, _bed.Destination);

        Assert.Equal("tv_embedded", result.Audio!.Via);
        var failure = Assert.Single(result.Attempts);
        Assert.Equal(PlayerFailureKind.ServiceError, failure.Kind);
        Assert.False(failure.IsAboutTrack);
        Assert.Contains("500", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_is_a_service_error()
    {
        _bed.Fake.AddVideo(VideoId);
        _bed.Fake.PlayerRoute.Fail(new FakeFault { MalformedJson = true });

        var result = await Downloader().DownloadAsync(VideoId, AudioFormat.Opus, _bed.Destination);

        Assert.Equal(3, result.Attempts.Count);
        Assert.All(result.Attempts, f => Assert.Equal(PlayerFailureKind.ServiceError, f.Kind));
        Assert.Contains("could not be read", result.Attempts[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversize_player_answer_is_a_service_error_read_no_further_than_the_limit()
    {
        _bed.Fake.AddVideo(VideoId);
        _bed.Fake.PlayerRoute.Fail(new FakeFault { OversizeJsonBytes = 9 * 1024 * 1024 });

        var result = await Downloader().DownloadAsync(VideoId, AudioFormat.Opus, _bed.Destination);

        Assert.Equal(3, result.Attempts.Count);
        Assert.All(result.Attempts, f => Assert.Equal(PlayerFailureKind.ServiceError, f.Kind));
        Assert.All(result.Attempts, f => Assert.False(f.IsAboutTrack));
        Assert.Contains("could not be read", result.Attempts[0].Message, StringComparison.Ordinal);
        Assert.Contains("larger than 8 MB", result.Attempts[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AjXQiKP5kM!")]
    [InlineData("https://youtu.be/AjXQiKP5kMs")]
    public async Task Invalid_video_ids_are_rejected_with_a_clear_message(string id)
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Downloader().DownloadAsync(id, AudioFormat.Mp3, _bed.Destination));

        Assert.Contains("is not a YouTube video id", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, _bed.Fake.PlayerRoute.Count);
    }

    [Fact]
    public async Task The_session_limit_tries_no_other_client_and_no_yt_dlp_and_keeps_nothing()
    {
        _bed.Fake.AddVideo(VideoId);
        _bed.Fake.SessionLimited = true;

        await Assert.ThrowsAsync<MusicDl.YouTube.YouTubeSessionLimitedException>(() => Downloader().DownloadAsync(VideoId, AudioFormat.Opus, _bed.Destination));

        Assert.Equal(1, _bed.Fake.PlayerRoute.Count);
        Assert.Equal(0, _bed.Fake.MediaRoute.Count);
        Assert.False(File.Exists(_bed.Destination));
    }

    [Fact]
    public async Task A_429_on_the_media_stream_is_the_session_limit_too()
    {
        _bed.Fake.AddVideo(VideoId);
        _bed.Fake.MediaRoute.Fail(new FakeFault { Status = 429, Times = 1 });

        await Assert.ThrowsAsync<MusicDl.YouTube.YouTubeSessionLimitedException>(() => Downloader().DownloadAsync(VideoId, AudioFormat.Opus, _bed.Destination));

        Assert.Equal(1, _bed.Fake.PlayerRoute.Count);
        Assert.Equal(1, _bed.Fake.MediaRoute.Count);
        Assert.False(File.Exists(_bed.Destination));
    }
}

using Microsoft.Extensions.Time.Testing;
using MusicDl.Configuration;
using MusicDl.Fakes.YouTubeMedia;
using MusicDl.YouTube.Download;
using MusicDl.YouTube.Player;

namespace MusicDl.Tests.YouTube.Download;

/// <summary>
/// Issue 24: player answers as YouTube gave them in 2026. SABR-only formats (neither url nor signatureCipher) are named
/// so and handed to yt-dlp; "signature cipher" is said only when one is there; a live stream is refused before any
/// media request, with no other client and no yt-dlp.
/// </summary>
public sealed class Player2026AnswerTests : IAsyncLifetime
{
    private const string VideoId = MediaTestBed.VideoId;
    private MediaTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await MediaTestBed.StartAsync("player2026");

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private static readonly YouTubeClientSettings[] TwoClients = [YouTubeClientDefaults.VisionOs, YouTubeClientDefaults.Retired["android_vr"].Client];

    private AudioDownloader Downloader(string? ytDlpPath = null) => new(
        new MusicDlSettings
        {
            Endpoints = Endpoints.Default with { YouTube = _bed.Host.BaseUri },
            YtDlpPath = ytDlpPath ?? Path.Combine(_bed.Folder, "no-yt-dlp"),
            YouTubeClients = TwoClients,
        },
        _bed.Http,
        MusicDl.Tests.TestSupport.TestHost.PathVariable,
        new FakeTimeProvider(),
        new RangedDownloadOptions { PieceSize = 8192 });

    private PlayerClient Player() => new(_bed.Http, new MusicDlSettings { Endpoints = Endpoints.Default with { YouTube = _bed.Host.BaseUri } });

    private StandInYtDlp YtDlp() => StandInYtDlp.Create(Path.Combine(_bed.Folder, "bin"), _bed.Fake.Files.AacM4a);

    [Fact]
    public async Task The_parser_reads_sabr_only_formats_as_having_neither_url_nor_cipher_and_a_live_answer_as_live()
    {
        _bed.Fake.AddVideo(VideoId, FakePlayerBehaviour.SabrOnly);
        _bed.Fake.AddVideo("LiveLiveLiv", FakePlayerBehaviour.Live);

        var sabr = await Player().GetPlayerAsync(VideoId, YouTubeClientDefaults.VisionOs);
        var live = await Player().GetPlayerAsync("LiveLiveLiv", YouTubeClientDefaults.VisionOs);

        Assert.False(sabr.IsLive);
        Assert.NotEmpty(sabr.AudioStreams);
        Assert.All(sabr.AudioStreams, s => Assert.True(s.IsSabrOnly && s.Url is null && !s.HasSignatureCipher));
        Assert.True(live.IsLive);
        Assert.All(live.AudioStreams, s => Assert.Null(s.ContentLength));
    }

    [Fact]
    public async Task A_sabr_only_answer_is_named_sabr_only_and_never_a_signature_cipher()
    {
        _bed.Fake.AddVideo(VideoId, FakePlayerBehaviour.SabrOnly);

        var attempt = await Player().AttemptAsync(VideoId, YouTubeClientDefaults.VisionOs, AudioFormat.M4a);

        Assert.Equal(PlayerFailureKind.NoUsableStream, attempt.Failure!.Kind);
        Assert.Contains("SABR only", attempt.Failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("signature cipher", attempt.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cipher_only_answer_is_still_named_a_signature_cipher()
    {
        _bed.Fake.AddVideo(VideoId, FakePlayerBehaviour.CipherOnly);

        var attempt = await Player().AttemptAsync(VideoId, YouTubeClientDefaults.VisionOs, AudioFormat.M4a);

        Assert.Contains("signature cipher", attempt.Failure!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SABR", attempt.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sabr_only_video_is_handed_to_yt_dlp_with_the_native_failure_named()
    {
        _bed.Fake.AddVideo(VideoId, FakePlayerBehaviour.SabrOnly);
        var stand = YtDlp();

        var result = await Downloader(stand.Executable).DownloadAsync(VideoId, AudioFormat.M4a, _bed.Destination);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal("yt-dlp", result.Audio!.Via);
        Assert.All(result.Attempts, a => Assert.Contains("SABR only", a.Message, StringComparison.Ordinal));
        Assert.Equal(0, _bed.Fake.MediaRoute.Count);
    }

    [Fact]
    public async Task A_live_stream_is_refused_before_any_media_request_without_another_client_or_yt_dlp()
    {
        _bed.Fake.AddVideo(VideoId, FakePlayerBehaviour.Live);
        var stand = YtDlp();

        var result = await Downloader(stand.Executable).DownloadAsync(VideoId, AudioFormat.M4a, _bed.Destination);

        Assert.False(result.Succeeded);
        Assert.Equal(PlayerFailureKind.LiveStream, result.Failure!.Kind);
        Assert.Contains("live stream", result.Failure.Message, StringComparison.Ordinal);
        Assert.True(result.Failure.IsAboutTrack);
        Assert.False(result.Failure.Conclusive);
        Assert.Equal(0, _bed.Fake.MediaRoute.Count);
        Assert.Single(_bed.Fake.PlayerRequests);
        Assert.False(stand.WasRun);
    }
}

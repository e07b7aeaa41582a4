using Microsoft.Extensions.Time.Testing;
using MusicDl.Audio;
using MusicDl.Configuration;
using MusicDl.Fakes;
using MusicDl.Fakes.YouTubeMedia;
using MusicDl.YouTube.Download;
using MusicDl.YouTube.Player;

namespace MusicDl.Tests.YouTube.Download;

public sealed class AudioDownloaderTests : IAsyncLifetime
{
    private const string VideoId = MediaTestBed.VideoId;
    private MediaTestBed _bed = null!;

    public async Task InitializeAsync()
    {
        _bed = await MediaTestBed.StartAsync("audiodl");
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    // Several clients in a row (the default is visionos alone since late 2026); the retired ones serve as the others.
    private static readonly YouTubeClientSettings[] ThreeClients =
        [YouTubeClientDefaults.VisionOs, YouTubeClientDefaults.Retired["tv_embedded"].Client, YouTubeClientDefaults.Retired["android_vr"].Client];

    // A yt-dlp path that does not exist keeps a yt-dlp installed on this machine out of the tests.
    private AudioDownloader Downloader(string? ytDlpPath = null, IReadOnlyList<YouTubeClientSettings>? clients = null) => new(
        new MusicDlSettings
        {
            Endpoints = Endpoints.Default with { YouTube = _bed.Host.BaseUri },
            YtDlpPath = ytDlpPath ?? Path.Combine(_bed.Folder, "no-yt-dlp"),
            YouTubeClients = clients ?? YouTubeClientDefaults.All,
        },
        _bed.Http,
        MusicDl.Tests.TestSupport.TestHost.PathVariable,
        new FakeTimeProvider(),
        new RangedDownloadOptions { PieceSize = 8192 });

    [Theory]
    [InlineData(AudioFormat.Opus, 251, AudioCodec.Opus, "webm")]
    [InlineData(AudioFormat.M4a, 140, AudioCodec.Aac, "m4a")]
    [InlineData(AudioFormat.Mp3, 251, AudioCodec.Opus, "webm")]
    public async Task The_stream_for_the_output_format_is_downloaded_whole(AudioFormat format, int itag, AudioCodec codec, string container)
    {
        _bed.Fake.AddVideo(VideoId);
        var downloader = Downloader();

        var result = await downloader.DownloadAsync(VideoId, format, _bed.Destination);

        Assert.True(result.Succeeded, result.Failure?.Message);
        var audio = result.Audio!;
        Assert.Equal(itag, audio.Itag);
        Assert.Equal("visionos", audio.Via);
        Assert.Equal(codec, audio.Source.Codec);
        Assert.Equal(container, audio.Source.Container);
        Assert.Equal(_bed.Destination, audio.Path);
        Assert.Equal(_bed.Fake.BytesFor(itag), await File.ReadAllBytesAsync(_bed.Destination));
        Assert.Equal(audio.Bytes, _bed.Fake.BytesFor(itag).LongLength);
        Assert.Equal(_bed.Fake.MediaRoute.Count, downloader.Counter.MediaRequests);
    }

    [Fact]
    public async Task The_announced_average_bitrate_becomes_the_source_rate()
    {
        _bed.Fake.AddVideo(VideoId);

        var result = await Downloader().DownloadAsync(VideoId, AudioFormat.Opus, _bed.Destination);

        Assert.Equal(140, result.Audio!.Source.BitrateKbps);
    }

    [Fact]
    public async Task A_403_on_media_moves_on_to_the_next_client()
    {
        _bed.Fake.AddVideo(VideoId);
        _bed.Fake.MediaRoute.Fail(new FakeFault { Status = 403, Times = 2 });

        var result = await Downloader(clients: ThreeClients).DownloadAsync(VideoId, AudioFormat.Opus, _bed.Destination);

        Assert.True(result.Succeeded);
        Assert.Equal("tv_embedded", result.Audio!.Via);
        Assert.Equal([PlayerFailureKind.Forbidden, PlayerFailureKind.Forbidden], result.Attempts.Select(a => a.Kind));
        Assert.All(result.Attempts, a => Assert.False(a.IsAboutTrack));
        Assert.Equal(["VISIONOS", "VISIONOS", "TVHTML5_SIMPLY_EMBEDDED_PLAYER"], _bed.Fake.PlayerRequests.Select(r => r.ClientName));
    }

    [Fact]
    public async Task A_single_403_on_media_asks_the_same_client_once_more_for_fresh_urls()
    {
        _bed.Fake.AddVideo(VideoId);
        _bed.Fake.MediaRoute.Fail(new FakeFault { Status = 403, Times = 1 });

        var result = await Downloader().DownloadAsync(VideoId, AudioFormat.Opus, _bed.Destination);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal("visionos", result.Audio!.Via);
        Assert.Equal(PlayerFailureKind.Forbidden, Assert.Single(result.Attempts).Kind);
        Assert.Equal(2, _bed.Fake.PlayerRoute.Count);
        Assert.Equal(_bed.Fake.BytesFor(251), await File.ReadAllBytesAsync(_bed.Destination));
    }

    [Fact]
    public async Task A_403_on_every_client_without_yt_dlp_is_not_about_the_track()
    {
        _bed.Fake.AddVideo(VideoId);
        _bed.Fake.MediaRoute.Fail(new FakeFault { Status = 403 });

        var result = await Downloader().DownloadAsync(VideoId, AudioFormat.Opus, _bed.Destination);

        Assert.False(result.Succeeded);
        Assert.Equal(PlayerFailureKind.YtDlpMissing, result.Failure!.Kind);
        Assert.False(result.Failure.IsAboutTrack);
        Assert.Contains("403", result.Failure.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_bed.Destination));
    }

    [Fact]
    public async Task A_bot_check_everywhere_without_yt_dlp_says_how_to_install_it()
    {
        _bed.Fake.AddVideo(VideoId, FakePlayerBehaviour.BotCheck);

        var result = await Downloader().DownloadAsync(VideoId, AudioFormat.Mp3, _bed.Destination);

        var failure = result.Failure!;
        Assert.Equal(PlayerFailureKind.YtDlpMissing, failure.Kind);
        Assert.False(failure.IsAboutTrack);
        Assert.Contains("not a bot", failure.Message, StringComparison.Ordinal);
        Assert.Contains("pipx install yt-dlp", failure.Message, StringComparison.Ordinal);
        Assert.Contains("ytdlp_path", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
        Assert.Single(result.Attempts);
        Assert.Equal(0, _bed.Fake.MediaRoute.Count);
    }

    [Fact]
    public async Task An_unplayable_video_without_yt_dlp_stays_a_failure_about_the_track()
    {
        _bed.Fake.AddVideo(VideoId, FakePlayerBehaviour.Unplayable);

        var result = await Downloader().DownloadAsync(VideoId, AudioFormat.Mp3, _bed.Destination);

        Assert.Equal(PlayerFailureKind.Unplayable, result.Failure!.Kind);
        Assert.True(result.Failure.IsAboutTrack);
        Assert.Contains("yt-dlp", result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_yt_dlp_fallback_runs_when_no_native_client_yields_a_stream()
    {
        _bed.Fake.AddVideo(VideoId, FakePlayerBehaviour.BotCheck).ForClient("ANDROID_VR", FakePlayerBehaviour.CipherOnly);
        var stand = StandInYtDlp.Create(Path.Combine(_bed.Folder, "bin"), _bed.Fake.Files.AacM4a);
        var downloader = Downloader(stand.Executable, ThreeClients);

        var result = await downloader.DownloadAsync(VideoId, AudioFormat.M4a, _bed.Destination);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal("yt-dlp", result.Audio!.Via);
        Assert.Equal(AudioCodec.Aac, result.Audio.Source.Codec);
        Assert.Null(result.Audio.Itag);
        Assert.Equal($"{_bed.Host.BaseUri.AbsoluteUri.TrimEnd('/')}/watch?v={VideoId}", stand.Arguments[^1]);
        Assert.Equal(await File.ReadAllBytesAsync(_bed.Fake.Files.AacM4a), await File.ReadAllBytesAsync(_bed.Destination));
        Assert.Equal(1, downloader.Counter.YtDlpRuns);
        Assert.Equal([PlayerFailureKind.BotCheck, PlayerFailureKind.BotCheck, PlayerFailureKind.NoUsableStream], result.Attempts.Select(a => a.Kind));
    }

    [Fact]
    public async Task A_failing_yt_dlp_keeps_the_native_classification()
    {
        _bed.Fake.AddVideo(VideoId, FakePlayerBehaviour.AgeGated);
        var stand = StandInYtDlp.Create(Path.Combine(_bed.Folder, "bin"), _bed.Fake.Files.AacM4a, fail: true);

        var result = await Downloader(stand.Executable).DownloadAsync(VideoId, AudioFormat.Mp3, _bed.Destination);

        Assert.Equal(PlayerFailureKind.YtDlpFailed, result.Failure!.Kind);
        Assert.False(result.Failure.IsAboutTrack);
        Assert.Contains("age-restricted", result.Failure.Message, StringComparison.Ordinal);
        Assert.Contains("yt-dlp failed", result.Failure.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_bed.Destination));
    }

    [Fact]
    public async Task A_removed_video_is_not_handed_to_yt_dlp()
    {
        _bed.Fake.AddVideo(VideoId, FakePlayerBehaviour.Removed);
        var stand = StandInYtDlp.Create(Path.Combine(_bed.Folder, "bin"), _bed.Fake.Files.AacM4a);

        var result = await Downloader(stand.Executable).DownloadAsync(VideoId, AudioFormat.Mp3, _bed.Destination);

        Assert.Equal(PlayerFailureKind.Unavailable, result.Failure!.Kind);
        Assert.True(result.Failure.IsAboutTrack);
        Assert.True(result.Failure.Conclusive);
        Assert.False(stand.WasRun);
    }

    [Fact]
    public async Task A_wrong_length_on_one_client_is_a_download_failure_and_the_next_client_is_tried()
    {
        _bed.Fake.AddVideo(VideoId).AnnouncingLength(251, 999_999);

        var result = await Downloader().DownloadAsync(VideoId, AudioFormat.Opus, _bed.Destination);

        // The fake lies to every client, so all fail the same way; the file never stays half-written.
        Assert.False(result.Succeeded);
        Assert.All(result.Attempts, a => Assert.Equal(PlayerFailureKind.DownloadFailed, a.Kind));
        Assert.Contains("announced 999999", result.Attempts[0].Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_bed.Destination));
    }
}

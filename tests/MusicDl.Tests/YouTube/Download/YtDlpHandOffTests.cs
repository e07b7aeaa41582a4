using Microsoft.Extensions.Time.Testing;
using MusicDl.Configuration;
using MusicDl.Fakes.YouTubeMedia;
using MusicDl.YouTube.Download;
using MusicDl.YouTube.Player;

namespace MusicDl.Tests.YouTube.Download;

/// <summary>
/// ERROR and UNPLAYABLE answers of the native client go to yt-dlp before anything is concluded (issue 17): made-for-kids
/// and embed-restricted videos play on yt-dlp's clients; "no audio" is settled only when the reason says removed,
/// private or deleted, or yt-dlp agrees.
/// </summary>
public sealed class YtDlpHandOffTests : IAsyncLifetime
{
    private const string VideoId = MediaTestBed.VideoId;
    private MediaTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await MediaTestBed.StartAsync("handoff");

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private AudioDownloader Downloader(string? ytDlpPath = null) => new(
        new MusicDlSettings { Endpoints = Endpoints.Default with { YouTube = _bed.Host.BaseUri }, YtDlpPath = ytDlpPath ?? Path.Combine(_bed.Folder, "no-yt-dlp") },
        _bed.Http,
        MusicDl.Tests.TestSupport.TestHost.PathVariable,
        new FakeTimeProvider(),
        new RangedDownloadOptions { PieceSize = 8192 });

    private StandInYtDlp YtDlp(bool fail = false, string failure = "Video unavailable") =>
        StandInYtDlp.Create(Path.Combine(_bed.Folder, "bin"), _bed.Fake.Files.AacM4a, fail, failure);

    [Fact]
    public async Task A_made_for_kids_video_that_visionos_calls_unplayable_is_downloaded_by_yt_dlp()
    {
        _bed.Fake.AddVideo(VideoId, FakePlayerBehaviour.MadeForKids);
        var stand = YtDlp();

        var result = await Downloader(stand.Executable).DownloadAsync(VideoId, AudioFormat.M4a, _bed.Destination);

        Assert.True(result.Succeeded, result.Failure?.Message);
        Assert.Equal("yt-dlp", result.Audio!.Via);
        var native = Assert.Single(result.Attempts);
        Assert.Equal((PlayerFailureKind.Unplayable, "visionos"), (native.Kind, native.Client));
        Assert.Equal("VISIONOS", Assert.Single(_bed.Fake.PlayerRequests).ClientName);
    }

    [Theory]
    [InlineData(FakePlayerBehaviour.MadeForKids)]
    [InlineData(FakePlayerBehaviour.Unavailable)]
    [InlineData(FakePlayerBehaviour.Unplayable)]
    public async Task Without_yt_dlp_an_unplayable_or_plainly_unavailable_answer_is_about_the_track_but_not_settled(FakePlayerBehaviour behaviour)
    {
        _bed.Fake.AddVideo(VideoId, behaviour);

        var result = await Downloader().DownloadAsync(VideoId, AudioFormat.Mp3, _bed.Destination);

        Assert.True(result.Failure!.IsAboutTrack);
        Assert.False(result.Failure.Conclusive);
        Assert.Contains("no yt-dlp fallback", result.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_yt_dlp_also_calls_the_video_unavailable_the_verdict_is_settled()
    {
        _bed.Fake.AddVideo(VideoId, FakePlayerBehaviour.MadeForKids);
        var stand = YtDlp(fail: true);

        var result = await Downloader(stand.Executable).DownloadAsync(VideoId, AudioFormat.Mp3, _bed.Destination);

        Assert.True(stand.WasRun);
        Assert.Equal(PlayerFailureKind.Unplayable, result.Failure!.Kind);
        Assert.True(result.Failure.Conclusive);
        Assert.Equal([PlayerFailureKind.Unplayable, PlayerFailureKind.YtDlpFailed], result.Attempts.Select(a => a.Kind));
    }

    [Fact]
    public async Task When_yt_dlp_fails_for_its_own_reason_nothing_is_settled_about_the_video()
    {
        _bed.Fake.AddVideo(VideoId, FakePlayerBehaviour.Unavailable);
        var stand = YtDlp(fail: true, failure: "Sign in to confirm you're not a bot. Use --cookies-from-browser or --cookies");

        var result = await Downloader(stand.Executable).DownloadAsync(VideoId, AudioFormat.Mp3, _bed.Destination);

        Assert.True(stand.WasRun);
        Assert.False(result.Failure!.Conclusive);
        Assert.Contains("not a bot", result.Failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FakePlayerBehaviour.Removed)]
    [InlineData(FakePlayerBehaviour.Private)]
    public async Task A_reason_saying_removed_or_private_is_settled_without_asking_yt_dlp(FakePlayerBehaviour behaviour)
    {
        _bed.Fake.AddVideo(VideoId, behaviour);
        var stand = YtDlp();

        var result = await Downloader(stand.Executable).DownloadAsync(VideoId, AudioFormat.Mp3, _bed.Destination);

        Assert.False(stand.WasRun);
        Assert.Equal(PlayerFailureKind.Unavailable, result.Failure!.Kind);
        Assert.True(result.Failure.Conclusive);
    }
}

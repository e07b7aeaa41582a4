using MusicDl.Http;
using MusicDl.Configuration;
using MusicDl.Downloading;
using MusicDl.Models;
using MusicDl.Output;
using MusicDl.YouTube;
using MusicDl.YouTube.Search;

namespace MusicDl.Tests.Downloading;

/// <summary>Issue 12: whose fault a failure is decides whether the run goes on, stops (exit 3), and what is left.</summary>
public sealed class SystemicStopTests
{
    private readonly FakeResolver _resolver = new();
    private readonly FakeMatcher _matcher = new();
    private readonly FakeProducer _producer = new();
    private readonly FakeLibrary _library = new();

    private static Track T(int n) => new()
    {
        Id = $"{n:D4}bbbbbbbbbbbbbbbbbb",
        Title = $"Song {n}",
        Artists = [new ArtistRef("a1", "Artist")],
        Album = new AlbumInfo { Id = "album", Name = "Album" },
        TrackNumber = n,
    };

    private SpotifySource Playlist(int count)
    {
        var source = new SpotifySource(SourceKind.Playlist, "p".PadRight(22, 'x'), "test");
        _resolver.Sources[source.Uri] = new ResolvedSource(source, "p", [.. Enumerable.Range(1, count).Select(n => SourceEntry.Supported(n, T(n)))]);
        return source;
    }

    private Downloader NewDownloader() => new(_resolver, _matcher, _producer, _library, _library, TimeProvider.System);

    private static DownloadRequest OneAtATime(SpotifySource source) => new([source], new MusicDlSettings { Threads = 1 });

    [Fact]
    public async Task Search_failures_that_are_not_the_tracks_stop_the_run_after_five_in_a_row_naming_search()
    {
        var source = Playlist(30);
        _matcher.Fail = _ => new ServiceException("YouTube Music search", ServiceFailureKind.Timeout, "WEB_REMIX search timed out.");

        var result = await NewDownloader().RunAsync(OneAtATime(source), CancellationToken.None);

        Assert.Equal(ExitCode.CannotProceed, result.ExitCode);
        Assert.StartsWith("YouTube Music search failed for 5 tracks in a row", result.AbortMessage, StringComparison.Ordinal);
        Assert.Contains("request_timeout", result.AbortMessage, StringComparison.Ordinal);
        Assert.Equal(5, _matcher.Matched.Count);
        Assert.DoesNotContain(result.Outcomes, o => o.Status == TrackStatus.NotFound);
    }

    [Fact]
    public async Task Spotify_failing_after_its_retries_for_five_tracks_in_a_row_stops_the_run_naming_spotify()
    {
        var source = Playlist(30);
        _resolver.CompleteFails = _ => new ServiceException("Spotify", ServiceFailureKind.ServerError, "Spotify answered 503 for /v1/tracks/x after 3 retries.");

        var result = await NewDownloader().RunAsync(OneAtATime(source), CancellationToken.None);

        Assert.Equal(ExitCode.CannotProceed, result.ExitCode);
        Assert.StartsWith("Spotify failed for 5 tracks in a row", result.AbortMessage, StringComparison.Ordinal);
        Assert.Equal(5, _resolver.Completed.Count);
    }

    [Fact]
    public async Task A_success_between_failures_starts_the_count_again()
    {
        var source = Playlist(12);
        var calls = 0;

        // Four failures, one success, four failures...: never five in a row.
        _matcher.Fail = _ => Interlocked.Increment(ref calls) % 5 == 0 ? null : new ServiceException("YouTube Music search", ServiceFailureKind.ServerError, "search answered 503", status: System.Net.HttpStatusCode.ServiceUnavailable);

        var result = await NewDownloader().RunAsync(OneAtATime(source), CancellationToken.None);

        Assert.Equal(ExitCode.SomeFailed, result.ExitCode);
        Assert.Null(result.AbortMessage);
        Assert.Equal(12, result.Outcomes.Count);
    }

    [Fact]
    public async Task The_session_limit_stops_new_tracks_at_once_and_every_track_left_is_failed_for_it_never_not_found()
    {
        var source = Playlist(10);
        _producer.Fail = m => m.VideoId == "vid" + T(3).Id[..8] ? new YouTubeSessionLimitedException("the player answered \"This content isn't available, try again later.\"") : null;

        var result = await NewDownloader().RunAsync(OneAtATime(source), CancellationToken.None);

        Assert.Equal(ExitCode.CannotProceed, result.ExitCode);
        Assert.Equal(2, result.Count(TrackStatus.Downloaded));
        Assert.Equal(8, result.Count(TrackStatus.Failed));
        Assert.All(result.Outcomes.Where(o => o.Status == TrackStatus.Failed), o => Assert.Equal(Downloader.SessionLimitReason, o.Error));
        Assert.Equal(3, _matcher.Matched.Count);
        Assert.Contains("YouTube rate-limited this session", result.AbortMessage, StringComparison.Ordinal);
        Assert.Contains("8 tracks are left for the next run", result.AbortMessage, StringComparison.Ordinal);
        Assert.Contains("youtube_rate_limit_enabled", result.AbortMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_interrupt_cancels_running_tracks_at_once_even_with_a_long_grace()
    {
        var source = Playlist(6);
        _producer.Gate = new TaskCompletionSource();
        using var interrupt = new CancellationTokenSource();
        using var immediate = new CancellationTokenSource();
        var downloader = NewDownloader();
        var started = new TaskCompletionSource();
        downloader.TrackStarted += _ => started.TrySetResult();
        var request = OneAtATime(source) with { InterruptGrace = TimeSpan.FromHours(1), Immediate = immediate.Token };

        var run = downloader.RunAsync(request, interrupt.Token);
        await started.Task;
        await interrupt.CancelAsync();
        Assert.False(run.IsCompleted);
        await immediate.CancelAsync();
        var result = await run;

        Assert.Equal(ExitCode.Interrupted, result.ExitCode);
        Assert.Empty(_library.Stored);
    }
}

using MusicDl.Configuration;
using MusicDl.Downloading;
using MusicDl.Models;
using MusicDl.Output;

namespace MusicDl.Tests.Downloading;

public sealed class DownloaderTests
{
    private readonly FakeResolver _resolver = new();
    private readonly FakeMatcher _matcher = new();
    private readonly FakeProducer _producer = new();
    private readonly FakeLibrary _library = new();

    private static Track T(int n) => new()
    {
        Id = $"{n:D4}aaaaaaaaaaaaaaaaaa",
        Title = $"Song {n}",
        Artists = [new ArtistRef("a1", "Artist")],
        Album = new AlbumInfo { Id = "album", Name = "Album" },
        TrackNumber = n,
    };

    private SpotifySource AddSource(string id, SourceKind kind, params SourceEntry[] entries)
    {
        var source = new SpotifySource(kind, id.PadRight(22, 'x'), "test");
        _resolver.Sources[source.Uri] = new ResolvedSource(source, id, entries);
        return source;
    }

    private Downloader NewDownloader() => new(_resolver, _matcher, _producer, _library, _library, TimeProvider.System);

    private static DownloadRequest Request(params SpotifySource[] sources) => new(sources, new MusicDlSettings { Threads = 4 });

    [Fact]
    public async Task A_track_asked_for_by_two_sources_is_processed_once_and_names_both()
    {
        var a = AddSource("a", SourceKind.Playlist, SourceEntry.Supported(1, T(1)), SourceEntry.Supported(2, T(2)));
        var b = AddSource("b", SourceKind.Album, SourceEntry.Supported(1, T(2)));

        var result = await NewDownloader().RunAsync(Request(a, b), CancellationToken.None);

        Assert.Equal(2, result.Outcomes.Count);
        Assert.All(result.Outcomes, o => Assert.Equal(TrackStatus.Downloaded, o.Status));
        Assert.Equal([a.Uri, b.Uri], result.Outcomes.Single(o => o.Title == "Song 2").Sources);
        Assert.Equal(2, _library.Stored.Count);
        Assert.Equal(ExitCode.Ok, result.ExitCode);
    }

    [Fact]
    public async Task The_backlog_probe_is_sent_beside_the_source_reads_and_cancelled_once_every_track_is_done()
    {
        var a = AddSource("a", SourceKind.Playlist, SourceEntry.Supported(1, T(1)));
        var probing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _library.Probe = async ct =>
        {
            probing.SetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                cancelled.SetResult();
                throw;
            }
        };

        // The source is read only once the probe is under way: a probe sent after the reads would hold the run here.
        _resolver.BeforeResolve = () => probing.Task;

        var result = await NewDownloader().RunAsync(Request(a), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(TrackStatus.Downloaded, Assert.Single(result.Outcomes).Status);
        Assert.True(cancelled.Task.IsCompleted);
        Assert.Equal(ExitCode.Ok, result.ExitCode);
    }

    [Fact]
    public async Task Album_tags_are_finished_with_the_tracks_placed_in_the_run_only()
    {
        var a = AddSource("a", SourceKind.Album, SourceEntry.Supported(1, T(1)), SourceEntry.Supported(2, T(2)), SourceEntry.Supported(3, T(3)));
        _library.Present.Add(T(2).Id);
        _matcher.NotFound.Add(T(3).Id);

        await NewDownloader().RunAsync(Request(a), CancellationToken.None);

        Assert.Equal([T(1).Id], _library.Finished);
    }

    [Fact]
    public async Task A_track_already_present_is_skipped_without_any_spotify_or_youtube_request()
    {
        var a = AddSource("a", SourceKind.Playlist, SourceEntry.Supported(1, T(1)));
        _library.Present.Add(T(1).Id);

        var result = await NewDownloader().RunAsync(Request(a), CancellationToken.None);

        Assert.Equal(TrackStatus.Skipped, Assert.Single(result.Outcomes).Status);
        Assert.Empty(_resolver.Completed);
        Assert.Empty(_matcher.Matched);
        Assert.Empty(_producer.Produced);
        Assert.Equal(ExitCode.Ok, result.ExitCode);
    }

    [Fact]
    public async Task Unsupported_entries_are_reported_and_do_not_change_the_exit_code()
    {
        var a = AddSource("a", SourceKind.Playlist, SourceEntry.Supported(1, T(1)), SourceEntry.Unsupported(2, "local file", "My Demo.mp3"), SourceEntry.Unsupported(3, "episode", "Podcast #1"));

        var result = await NewDownloader().RunAsync(Request(a), CancellationToken.None);

        Assert.Equal(2, result.Count(TrackStatus.Unsupported));
        Assert.Contains(result.Outcomes, o => o.Status == TrackStatus.Unsupported && o.Error == "local file" && o.Title == "My Demo.mp3");
        Assert.Equal(ExitCode.Ok, result.ExitCode);
    }

    [Fact]
    public async Task A_track_without_a_match_is_not_found_and_the_run_exits_1()
    {
        var a = AddSource("a", SourceKind.Playlist, SourceEntry.Supported(1, T(1)), SourceEntry.Supported(2, T(2)));
        _matcher.NotFound.Add(T(2).Id);

        var result = await NewDownloader().RunAsync(Request(a), CancellationToken.None);

        Assert.Equal(TrackStatus.NotFound, result.Outcomes.Single(o => o.Title == "Song 2").Status);
        Assert.Equal(TrackStatus.Downloaded, result.Outcomes.Single(o => o.Title == "Song 1").Status);
        Assert.Equal(ExitCode.SomeFailed, result.ExitCode);
    }

    [Fact]
    public async Task A_source_that_cannot_be_read_is_a_failure_line_while_the_others_download()
    {
        var a = AddSource("a", SourceKind.Playlist, SourceEntry.Supported(1, T(1)));
        var b = AddSource("b", SourceKind.Playlist);
        _resolver.Unavailable.Add(b.Uri);

        var result = await NewDownloader().RunAsync(Request(a, b), CancellationToken.None);

        Assert.Equal(b.Uri, Assert.Single(result.SourceFailures).Source);
        Assert.Equal(TrackStatus.Downloaded, Assert.Single(result.Outcomes).Status);
        Assert.Equal(ExitCode.SomeFailed, result.ExitCode);
    }

    [Fact]
    public async Task The_result_lists_the_sources_read_in_order_without_the_one_that_failed()
    {
        var a = AddSource("a", SourceKind.Playlist, SourceEntry.Supported(1, T(1)));
        var b = AddSource("b", SourceKind.Playlist);
        var c = AddSource("c", SourceKind.Album, SourceEntry.Supported(1, T(2)));
        _resolver.Unavailable.Add(b.Uri);

        var result = await NewDownloader().RunAsync(Request(a, b, c), CancellationToken.None);

        Assert.Equal([a.Uri, c.Uri], result.ResolvedSources.Select(r => r.Source.Uri).ToArray());
    }

    [Fact]
    public async Task One_tracks_failure_does_not_stop_the_others()
    {
        var a = AddSource("a", SourceKind.Album, [.. Enumerable.Range(1, 6).Select(n => SourceEntry.Supported(n, T(n)))]);
        _producer.Fail = m => m.VideoId == "vid" + T(3).Id[..8] ? new TrackFailedException("download failed after 3 tries") : null;

        var result = await NewDownloader().RunAsync(Request(a), CancellationToken.None);

        Assert.Equal(5, result.Count(TrackStatus.Downloaded));
        var failed = Assert.Single(result.Outcomes, o => o.Status == TrackStatus.Failed);
        Assert.Equal("download failed after 3 tries", failed.Error);
        Assert.Equal(ExitCode.SomeFailed, result.ExitCode);
    }

    [Fact]
    public async Task Failures_that_are_not_the_tracks_stop_the_run_early_with_exit_3()
    {
        var a = AddSource("a", SourceKind.Playlist, [.. Enumerable.Range(1, 40).Select(n => SourceEntry.Supported(n, T(n)))]);
        _producer.Fail = _ => new TrackFailedException("YouTube asks to sign in to confirm you are not a bot") { NotTheTracks = true };
        var request = Request(a) with { Settings = new MusicDlSettings { Threads = 1 } };

        var result = await NewDownloader().RunAsync(request, CancellationToken.None);

        Assert.Equal(ExitCode.CannotProceed, result.ExitCode);
        Assert.Contains("not a bot", result.AbortMessage, StringComparison.Ordinal);
        Assert.True(_matcher.Matched.Count < 10, $"the run went on for {_matcher.Matched.Count} tracks");
    }

    [Fact]
    public async Task A_pinned_video_that_cannot_be_played_fails_once_with_youtubes_reason_and_is_never_searched_around()
    {
        var a = AddSource("a", SourceKind.Playlist, SourceEntry.Supported(1, T(1)));
        _matcher.Pinned.Add(T(1).Id);
        _producer.Fail = m => new TrackFailedException($"video {m.VideoId} is unavailable: This video is private") { VideoUnavailable = true };

        var result = await NewDownloader().RunAsync(Request(a), CancellationToken.None);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(TrackStatus.Failed, outcome.Status);
        Assert.Contains("This video is private", outcome.Error, StringComparison.Ordinal);
        Assert.Equal("vid" + T(1).Id[..8], outcome.VideoId);
        Assert.Empty(_matcher.Forgotten);
        Assert.Single(_producer.Asked);
    }

    [Fact]
    public async Task A_failed_line_names_the_video_that_failed()
    {
        var a = AddSource("a", SourceKind.Playlist, SourceEntry.Supported(1, T(1)));
        _producer.Fail = m => new TrackFailedException("YouTube refused the media stream with 403");

        var result = await NewDownloader().RunAsync(Request(a), CancellationToken.None);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(TrackStatus.Failed, outcome.Status);
        Assert.Equal("vid" + T(1).Id[..8], outcome.VideoId);
        Assert.Contains("\"video_id\":\"vid" + T(1).Id[..8] + "\"", OutputJson.Track(outcome), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cached_match_whose_video_is_gone_is_forgotten_and_searched_again_once()
    {
        var a = AddSource("a", SourceKind.Playlist, SourceEntry.Supported(1, T(1)));
        _producer.Fail = m => m.VideoId!.StartsWith("vid", StringComparison.Ordinal) ? new TrackFailedException("video unavailable") { VideoUnavailable = true } : null;

        var result = await NewDownloader().RunAsync(Request(a), CancellationToken.None);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(TrackStatus.Downloaded, outcome.Status);
        Assert.StartsWith("new", outcome.VideoId, StringComparison.Ordinal);
        Assert.Single(_matcher.Forgotten);
    }

    [Fact]
    public async Task Metadata_mode_retags_present_files_and_reports_absent_ones_as_missing()
    {
        var a = AddSource("a", SourceKind.Album, SourceEntry.Supported(1, T(1)), SourceEntry.Supported(2, T(2)));
        _library.Present.Add(T(1).Id);
        var request = Request(a) with { Settings = new MusicDlSettings { Overwrite = OverwriteMode.Metadata } };

        var result = await NewDownloader().RunAsync(request, CancellationToken.None);

        Assert.Equal(TrackStatus.Retagged, result.Outcomes.Single(o => o.Title == "Song 1").Status);
        Assert.Equal(TrackStatus.Missing, result.Outcomes.Single(o => o.Title == "Song 2").Status);
        Assert.Empty(_matcher.Matched);
        Assert.Empty(_producer.Produced);
        Assert.Equal(ExitCode.SomeFailed, result.ExitCode); // a track asked for and not there is not "ok"
    }

    [Fact]
    public async Task A_dry_run_matches_but_writes_nothing()
    {
        var a = AddSource("a", SourceKind.Album, SourceEntry.Supported(1, T(1)));

        var result = await NewDownloader().RunAsync(Request(a) with { Mode = RunMode.DryRun }, CancellationToken.None);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(TrackStatus.Planned, outcome.Status);
        Assert.NotNull(outcome.VideoId);
        Assert.Empty(_library.Stored);
    }

    [Fact]
    public async Task Overwrite_mode_downloads_again_a_track_already_present()
    {
        var a = AddSource("a", SourceKind.Album, SourceEntry.Supported(1, T(1)));
        _library.Present.Add(T(1).Id);
        var request = Request(a) with { Settings = new MusicDlSettings { Overwrite = OverwriteMode.Overwrite } };

        var result = await NewDownloader().RunAsync(request, CancellationToken.None);

        Assert.Equal(TrackStatus.Downloaded, Assert.Single(result.Outcomes).Status);
        Assert.Single(_library.Stored);
    }

    [Fact]
    public async Task An_interrupt_stops_new_tracks_and_exits_130()
    {
        var a = AddSource("a", SourceKind.Album, [.. Enumerable.Range(1, 20).Select(n => SourceEntry.Supported(n, T(n)))]);
        _producer.Gate = new TaskCompletionSource();
        using var interrupt = new CancellationTokenSource();
        var downloader = NewDownloader();
        var started = 0;
        downloader.TrackStarted += _ =>
        {
            if (Interlocked.Increment(ref started) == 2)
            {
                interrupt.Cancel();
            }
        };
        var request = Request(a) with { Settings = new MusicDlSettings { Threads = 2 }, InterruptGrace = TimeSpan.FromMilliseconds(50) };

        var result = await downloader.RunAsync(request, interrupt.Token);

        Assert.Equal(ExitCode.Interrupted, result.ExitCode);
        Assert.True(started <= 3, $"{started} tracks started after the interrupt");
        Assert.Empty(_library.Stored);
    }

    [Fact]
    public async Task Playlists_get_an_m3u_when_asked()
    {
        var a = AddSource("a", SourceKind.Playlist, SourceEntry.Supported(1, T(1)));
        var request = Request(a) with { Settings = new MusicDlSettings { CreateM3u = true } };

        await NewDownloader().RunAsync(request, CancellationToken.None);

        Assert.Equal([a.Uri], _library.Playlists);
    }
}

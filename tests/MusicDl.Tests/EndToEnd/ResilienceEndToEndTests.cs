using System.Diagnostics;
using System.Globalization;
using MusicDl.Fakes;

namespace MusicDl.Tests.EndToEnd;

/// <summary>
/// Issue 12 end to end: a black-holed service ends the run by itself (exit 3 naming it), YouTube's session limit is
/// obeyed and forgotten by the next run, garbage search answers are never cached, and a double SIGTERM cleans up.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class ResilienceEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(90);

    private FakeWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await FakeWorld.StartAsync(inProcess: true);

        // One second a request and one retry keep a dead service's cost to seconds.
        _world.WriteConfig(_world.Config("  request_timeout: 1\n  max_retries: 1"));
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_black_holed_search_ends_the_run_by_itself_with_exit_3_naming_the_search_service()
    {
        var album = _world.AddDownloadableAlbum(12);
        _world.Music.Route.Fail(new FakeFault { BlackHole = true });

        var run = new RunOutput(await _world.RunAsync("download", FakeWorld.AlbumUrl(album), "--json").WaitAsync(RunLimit));

        Assert.True(run.Result.ExitCode == 3, run.ToString());
        Assert.Contains("YouTube Music search failed for 5 tracks in a row", run.Result.Stderr, StringComparison.Ordinal);
        Assert.Contains("request_timeout", run.Result.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.WithStatus("not_found"));
        Assert.Empty(FakeWorld.PartFiles(_world.Sandbox.Library));
    }

    [Fact]
    public async Task Black_holed_lrclib_and_musicbrainz_cost_the_tracks_only_their_tags_and_every_track_is_placed()
    {
        var album = _world.AddDownloadableAlbum(3);
        // ReplayGain on (the default): its album pass reuses the tags each track got and asks neither service again.
        _world.WriteConfig(_world.Config("  request_timeout: 1\n  max_retries: 1\n  lyrics: embed\n  musicbrainz: true\n  replaygain: true"));
        _world.Lrclib.GetRoute.Fail(new FakeFault { BlackHole = true });
        _world.MusicBrainz.IsrcRoute.Fail(new FakeFault { BlackHole = true });

        var run = new RunOutput(await _world.RunAsync("download", FakeWorld.AlbumUrl(album), "--json").WaitAsync(RunLimit));

        // Each stalled request ends at request_timeout (the network's fault, not the song's): no track fails for it.
        Assert.True(run.Result.ExitCode == 0, run.ToString());
        Assert.Equal(3, run.WithStatus("downloaded").Count);
        Assert.Equal(3, FakeWorld.AudioFiles(_world.Sandbox.Library).Count);
        Assert.Empty(FakeWorld.PartFiles(_world.Sandbox.Library));
        Assert.Equal(3, _world.Lrclib.GetRoute.Count);
        Assert.Equal(0, _world.Lrclib.SearchRoute.Count);
        Assert.Equal(3, _world.MusicBrainz.IsrcRoute.Count);
        // One line each for the whole run (issue 22), not one per track.
        Assert.Contains(run.Result.Stderr.Split('\n'), l => l.StartsWith("WRN LRCLIB failed 3 times in a row", StringComparison.Ordinal) && l.Contains("lyrics skipped for 3 tracks", StringComparison.Ordinal));
        Assert.Contains(run.Result.Stderr.Split('\n'), l => l.StartsWith("WRN MusicBrainz failed 3 times in a row", StringComparison.Ordinal) && l.Contains("MusicBrainz ids skipped for 3 tracks", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_black_holed_player_ends_the_run_by_itself_with_exit_3_naming_the_player()
    {
        var album = _world.AddDownloadableAlbum(12);
        OneClientNoYtDlp();
        _world.Media.PlayerRoute.Fail(new FakeFault { BlackHole = true });

        var run = new RunOutput(await _world.RunAsync("download", FakeWorld.AlbumUrl(album), "--json").WaitAsync(RunLimit));

        Assert.True(run.Result.ExitCode == 3, run.ToString());
        Assert.Contains("failed for 5 tracks in a row", run.Result.Stderr, StringComparison.Ordinal);
        Assert.Contains("the YouTube player failed for 5 tracks in a row", run.Result.Stderr, StringComparison.Ordinal);
        Assert.Empty(FakeWorld.AudioFiles(_world.Sandbox.Library));
        Assert.Empty(FakeWorld.PartFiles(_world.Sandbox.Library));
    }

    [Fact]
    public async Task Media_whose_headers_never_come_ends_the_run_by_itself_with_exit_3_naming_the_media_server()
    {
        var album = _world.AddDownloadableAlbum(12);
        OneClientNoYtDlp();
        _world.Media.MediaRoute.Fail(new FakeFault { BlackHole = true });

        var run = new RunOutput(await _world.RunAsync("download", FakeWorld.AlbumUrl(album), "--json").WaitAsync(RunLimit));

        Assert.True(run.Result.ExitCode == 3, run.ToString());
        Assert.Contains("media server failed for 5 tracks in a row", run.Result.Stderr, StringComparison.Ordinal);
        Assert.Empty(FakeWorld.PartFiles(_world.Sandbox.Library));
    }

    [Fact]
    public async Task A_black_holed_spotify_ends_the_run_by_itself_with_exit_3_naming_spotify()
    {
        var album = _world.AddDownloadableAlbum(3);
        _world.WriteConfig(_world.Config("  request_timeout: 1\n  max_retries: 1\n  spotify_max_retries: 1"));
        _world.Spotify.Route("GET", "/v1/albums/{id}").Fail(new FakeFault { BlackHole = true });

        var run = new RunOutput(await _world.RunAsync("download", FakeWorld.AlbumUrl(album), "--json").WaitAsync(RunLimit));

        Assert.True(run.Result.ExitCode == 3, run.ToString());
        Assert.Contains("Spotify", run.Result.Stderr, StringComparison.Ordinal);
        Assert.Contains("request_timeout", run.Result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Under_the_session_limit_the_run_stops_after_the_calls_in_flight_and_the_next_run_places_every_song()
    {
        // More tracks than the four threads, so a run that did not stop would ask the player for the others too.
        var album = _world.AddDownloadableAlbum(6);
        _world.Media.SessionLimited = true;

        var limited = new RunOutput(await _world.RunAsync("download", FakeWorld.AlbumUrl(album), "--json").WaitAsync(RunLimit));

        Assert.True(limited.Result.ExitCode == 3, limited.ToString());
        var stop = Assert.Single(limited.Result.Stderr.Split('\n'), l => l.StartsWith("musicdl: ", StringComparison.Ordinal));
        Assert.Contains("YouTube rate-limited this session", stop, StringComparison.Ordinal);
        Assert.Contains("about an hour", stop, StringComparison.Ordinal);
        Assert.Contains("6 tracks are left for the next run", stop, StringComparison.Ordinal);
        Assert.Contains("youtube_rate_limit_enabled", stop, StringComparison.Ordinal);
        Assert.Equal(6, limited.WithStatus("failed").Count);
        Assert.Empty(limited.WithStatus("not_found"));

        // Four threads: at most the four player calls already in flight, each asked once, no other client, no yt-dlp.
        Assert.InRange(_world.PlayerRequests, 1, 4);

        _world.Media.SessionLimited = false;
        var next = new RunOutput(await _world.RunAsync("download", FakeWorld.AlbumUrl(album), "--json").WaitAsync(RunLimit));

        Assert.True(next.Result.ExitCode == 0, next.ToString());
        Assert.Equal(6, next.WithStatus("downloaded").Count);
        Assert.Equal(6, FakeWorld.AudioFiles(_world.Sandbox.Library).Count);
    }

    // Valid JSON, but over the 8 MB a YouTube answer may weigh (streamed, no Content-Length).
    private const string OversizeAnswer = "(9 MB of JSON)";

    [Theory]
    [InlineData("null")]
    [InlineData("<html><body>Our systems have detected unusual traffic</body></html>")]
    [InlineData(OversizeAnswer)]
    public async Task After_search_answered_garbage_and_then_recovered_the_next_run_finds_every_song(string garbage)
    {
        // Six tracks: the broken run may reach the stop after five failed searches in a row (exit 3) or fail its tracks
        // one by one (exit 1); what this test holds is that nothing was remembered as "not found" and the next run finds all.
        var album = _world.AddDownloadableAlbum(6);
        _world.Music.Route.Fail(garbage == OversizeAnswer ? new FakeFault { OversizeJsonBytes = 9 * 1024 * 1024 } : new FakeFault { Body = garbage });

        var broken = new RunOutput(await _world.RunAsync("download", FakeWorld.AlbumUrl(album), "--json").WaitAsync(RunLimit));

        Assert.True(broken.Result.ExitCode is 1 or 3, broken.ToString());
        Assert.Empty(broken.WithStatus("not_found"));
        Assert.DoesNotContain("   at ", broken.Result.Stderr, StringComparison.Ordinal);

        _world.Music.Route.ClearFaults();
        var recovered = new RunOutput(await _world.RunAsync("download", FakeWorld.AlbumUrl(album), "--json").WaitAsync(RunLimit));

        Assert.True(recovered.Result.ExitCode == 0, recovered.ToString());
        Assert.Equal(6, recovered.WithStatus("downloaded").Count);
    }

    [Fact]
    public async Task A_second_sigterm_cancels_the_running_track_at_once_and_still_cleans_up_and_exits_130()
    {
        var album = _world.AddDownloadableAlbum(3);
        var url = FakeWorld.AlbumUrl(album);
        using var run = await HeldRun.StartAsync(_world, url, holdMediaRequest: 2);

        // As `timeout` and service managers do: TERM to the process, and soon another.
        await SignalAsync(run.Process, "-TERM");
        await SignalAsync(run.Process, "-TERM");
        var interrupted = new RunOutput(await run.WaitAsync());
        _world.Media.MediaRoute.Release();

        Assert.True(interrupted.Result.ExitCode == 130, interrupted.ToString());
        Assert.Equal(130, interrupted.Summary.GetProperty("exit_code").GetInt32());
        Assert.Empty(FakeWorld.PartFiles(_world.Sandbox.Library));
        Assert.False(File.Exists(_world.StateDatabase() + "-wal") && new FileInfo(_world.StateDatabase() + "-wal").Length > 0, "the state's WAL was left behind");
        Assert.Equal("ok", FakeWorld.IntegrityCheck(_world.StateDatabase()));
        Assert.Single(FakeWorld.AudioFiles(_world.Sandbox.Library));
    }

    /// <summary>One player client and a yt-dlp that is not there: a dead service costs seconds, not minutes, per track.</summary>
    private void OneClientNoYtDlp() =>
        _world.WriteConfig(_world.Config("  request_timeout: 1\n  max_retries: 1\n  youtube_clients: [visionos]"));

    private static async Task SignalAsync(Process process, string signal)
    {
        using var kill = Process.Start("kill", [signal, process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }
}

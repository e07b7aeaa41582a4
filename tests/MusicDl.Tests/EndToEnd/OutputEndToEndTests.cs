using System.Text.Json;
using System.Text.RegularExpressions;
using MusicDl.Fakes.Spotify;

namespace MusicDl.Tests.EndToEnd;

/// <summary>Scenarios 8-10 of issue 8: one cache file for two processes, secrets at maximum verbosity, --json.</summary>
[Trait("Category", "EndToEnd")]
public sealed partial class OutputEndToEndTests : IAsyncLifetime
{
    private FakeWorld _world = null!;

    // On the system's clock: these runs wait on no clock, and two subjects are real time passing in a run that waits
    // for nothing (the summary's elapsed_s, a one-second token renewed mid-run), which a driven clock would hold at 0.
    public async Task InitializeAsync() => _world = await FakeWorld.StartAsync(inProcess: true, drivenClock: false);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Two_processes_sharing_one_cache_file_both_succeed_without_a_locked_database()
    {
        // Two processes are the subject (SQLite's locking between them): the binary, twice.
        _world.Sandbox.InProcess = false;
        var album = _world.AddDownloadableAlbum(6);
        var url = FakeWorld.AlbumUrl(album);
        var otherLibrary = Path.Combine(_world.Sandbox.Root, "music-2");

        var runs = await Task.WhenAll(
            _world.RunAsync("download", url, "--json"),
            _world.RunAsync("download", url, "--json", "--output-dir", otherLibrary));

        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.ToString()));
        Assert.All(runs, r => Assert.DoesNotContain("database is locked", r.Stderr, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(6, FakeWorld.AudioFiles(_world.Sandbox.Library).Count);
        Assert.Equal(6, FakeWorld.AudioFiles(otherLibrary).Count);
        Assert.Equal("ok", FakeWorld.IntegrityCheck(_world.CacheDatabase));
    }

    [Fact]
    public async Task No_secret_or_token_reaches_stderr_or_the_log_file_at_maximum_verbosity()
    {
        var (playlist, _) = _world.AddDownloadablePlaylist(3, withOddities: false, access: FakePlaylistAccess.OwnerOrCollaborator);
        var album = _world.AddDownloadableAlbum(2);
        var (access, refresh) = await _world.SeedUserLoginAsync();
        _world.Spotify.TokenLifetimeSeconds = 1; // refreshes (and rotations) happen during the run
        var log = Path.Combine(_world.Sandbox.Root, "musicdl.log");

        var run = await _world.RunAsync("-v", "--log-file", log, "download", FakeWorld.PlaylistUrl(playlist), FakeWorld.AlbumUrl(album));

        Assert.True(run.ExitCode == 0, run.ToString());
        var logText = await File.ReadAllTextAsync(log);
        Assert.Contains(" DBG ", logText, StringComparison.Ordinal); // debug detail did reach the file
        var secrets = new[] { _world.Spotify.ClientSecret, access, refresh }.Concat(_world.Spotify.LiveRefreshTokens).ToList();
        foreach (var text in new[] { run.Stdout, run.Stderr, logText })
        {
            Assert.All(secrets, s => Assert.DoesNotContain(s, text, StringComparison.Ordinal));
            Assert.DoesNotMatch(IssuedToken(), text);
        }
    }

    [Fact]
    public async Task Json_output_is_one_object_per_line_with_the_summary_last_carrying_requests_and_cache_statistics()
    {
        var (playlist, _) = _world.AddDownloadablePlaylist(10);

        var run = new RunOutput(await _world.RunAsync("download", FakeWorld.PlaylistUrl(playlist), "--json"));

        Assert.True(run.Result.ExitCode == 0, run.ToString());
        Assert.All(run.Lines, l => Assert.Equal(JsonValueKind.Object, l.ValueKind));
        Assert.Equal(run.Lines.Count - 1, run.Tracks.Count);
        Assert.Equal(6, run.WithStatus("downloaded").Count);
        Assert.Equal(3, run.WithStatus("unsupported").Count);
        var summary = run.Summary;
        Assert.Equal(6, summary.GetProperty("downloaded").GetInt32());
        Assert.Equal(0, summary.GetProperty("exit_code").GetInt32());
        Assert.True(summary.GetProperty("elapsed_s").GetDouble() > 0);
        Assert.Equal(_world.SearchRequests, run.Requests("search"));
        Assert.Equal(_world.PlayerRequests, run.Requests("player"));
        Assert.Equal(_world.MediaRequests, run.Requests("media"));
        Assert.Equal(_world.Spotify.ApiRequests, run.Requests("spotify"));
        var spotifyCache = summary.GetProperty("cache").GetProperty("spotify");
        foreach (var counter in new[] { "entries", "hits", "misses", "hit_rate", "evictions", "expirations", "persistent_hits" })
        {
            Assert.True(spotifyCache.TryGetProperty(counter, out _), counter);
        }

        Assert.True(spotifyCache.GetProperty("entries").GetInt32() > 0);
        Assert.DoesNotContain(run.Result.StderrLines, l => l.StartsWith('{'));
    }

    /// <summary>The shape of every token the fake issues (cc-, user-, refresh-, code- then a counter and a GUID).</summary>
    [GeneratedRegex(@"(cc|user|refresh|code)-\d+-[0-9a-f]{32}")]
    private static partial Regex IssuedToken();
}

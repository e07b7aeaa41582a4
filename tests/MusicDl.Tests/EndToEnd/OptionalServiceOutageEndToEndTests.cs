using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using MusicDl.Fakes;
using MusicDl.Fakes.Lrclib;
using MusicDl.Fakes.MusicBrainz;
using MusicDl.Fakes.Spotify;

namespace MusicDl.Tests.EndToEnd;

/// <summary>
/// Issue 22, part 2, on the built binary: an optional service that is down (LRCLIB and MusicBrainz refusing
/// connections, or accepting them and never answering) costs a run a few requests and one line each, the files are
/// recorded incomplete, the next run asks a still-down service once for its whole backlog, and a run with the services
/// back completes every file.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class OptionalServiceOutageEndToEndTests : IAsyncLifetime
{
    private const int Tracks = 12;
    private const string Synced = "[00:00.10] la la\n[00:00.60] la";
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(90);

    private FakeWorld _world = null!;
    private FakeAlbum _album = null!;

    public async Task InitializeAsync()
    {
        _world = await FakeWorld.StartAsync(inProcess: true);
        _album = _world.AddDownloadableAlbumWithExtras(Tracks, Synced);
        // The test config's four threads make tracks wait on the services side by side; one second a request keeps a black hole cheap.
        _world.WriteConfig(_world.Config("  request_timeout: 1\n  max_retries: 1\n  lyrics: embed\n  musicbrainz: true"));
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Refused_lrclib_and_musicbrainz_are_tried_once_each_said_once_each_and_a_later_run_adds_what_they_give()
    {
        var closed = $"http://127.0.0.1:{ClosedPort()}";
        _world.Sandbox.Environment["MUSICDL_LRCLIB_URL"] = closed;
        _world.Sandbox.Environment["MUSICDL_MUSICBRAINZ_URL"] = closed;

        var cold = await RunAsync();

        Assert.Equal(Tracks, cold.WithStatus("downloaded").Count);
        AssertOneLineEach(cold, "could not be reached", $"skipped for {Tracks} tracks");

        // A refused connection never reaches a fake to be counted: the debug log names each attempt. One each; every
        // other track was told at once that the service is down, without a request or a wait.
        Assert.Equal(1, DebugLines(cold, "no lyrics this time, LRCLIB could not be reached"));
        Assert.Equal(Tracks - 1, DebugLines(cold, "no lyrics this time, LRCLIB is not asked again"));
        Assert.Equal(1, DebugLines(cold, "no MusicBrainz ids this time, MusicBrainz could not be reached"));
        Assert.Equal(Tracks - 1, DebugLines(cold, "no MusicBrainz ids this time, MusicBrainz is not asked again"));
        Assert.Equal(Tracks, PathsMissing("lyrics"));
        Assert.Equal(Tracks, PathsMissing("musicbrainz"));

        // The next run, still refused: the backlog of 12 files costs one attempt per service, the probe sent at the
        // run's start; no track's own look-up is attempted.
        var warm = await RunAsync();

        AssertOneLineEach(warm, "could not be reached", $"skipped for {Tracks} tracks");
        Assert.Equal(1, DebugLines(warm, "LRCLIB asked once before its backlog: LRCLIB could not be reached"));
        Assert.Equal(1, DebugLines(warm, "MusicBrainz asked once before its backlog: MusicBrainz could not be reached"));
        Assert.Equal(0, DebugLines(warm, "no lyrics this time, LRCLIB could not be reached"));
        Assert.Equal(0, DebugLines(warm, "no MusicBrainz ids this time, MusicBrainz could not be reached"));
        Assert.Equal(Tracks, PathsMissing("lyrics"));
        Assert.Equal(Tracks, PathsMissing("musicbrainz"));

        await AssertTheServicesBackCompleteEveryFileAsync();
    }

    [Fact]
    public async Task Black_holed_lrclib_and_musicbrainz_get_at_most_three_requests_in_a_run_and_the_backlog_costs_one_each()
    {
        var hole = new FakeFault { BlackHole = true };
        _world.Lrclib.GetRoute.Fail(hole);
        _world.Lrclib.SearchRoute.Fail(hole);
        _world.MusicBrainz.IsrcRoute.Fail(hole);

        var cold = await RunAsync();

        Assert.Equal(Tracks, cold.WithStatus("downloaded").Count);
        Assert.Equal(Tracks, FakeWorld.AudioFiles(_world.Sandbox.Library).Count);

        // Until a service answers, its requests go one at a time: the third timeout in a row is the last request.
        Assert.Equal(3, _world.Lrclib.RequestCount);
        Assert.Equal(3, _world.MusicBrainz.RequestCount);
        AssertOneLineEach(cold, "failed 3 times in a row", $"skipped for {Tracks} tracks");
        Assert.Equal(Tracks, PathsMissing("lyrics"));
        Assert.Equal(Tracks, PathsMissing("musicbrainz"));

        // The warm re-run re-tags the 12 incomplete files: a service still down is asked once for them all, by the
        // probe the run sends at its start beside the Spotify reads (LRCLIB a search for nothing, MusicBrainz an ISRC
        // no recording has), so no track's own look-up waits on the black hole.
        var warm = await RunAsync();

        Assert.Equal(4, _world.Lrclib.RequestCount);
        Assert.Equal(4, _world.MusicBrainz.RequestCount);
        Assert.Single(_world.Host.Log, r => r.StartsWith("GET " + FakeLrclib.SearchPath + "?track_name=musicdl%20probe", StringComparison.Ordinal));
        Assert.Single(_world.Host.Log, r => r.StartsWith($"GET /ws/2/isrc/{MusicDl.MusicBrainz.MusicBrainzClient.ProbeIsrc}?", StringComparison.Ordinal));
        Assert.Equal(1, DebugLines(warm, "LRCLIB asked once before its backlog: LRCLIB did not answer in time"));
        Assert.Equal(1, DebugLines(warm, "MusicBrainz asked once before its backlog: MusicBrainz did not answer in time"));
        AssertOneLineEach(warm, "is still down", $"skipped for {Tracks} tracks");
        Assert.Equal(Tracks, PathsMissing("lyrics"));
        Assert.Equal(Tracks, PathsMissing("musicbrainz"));

        _world.Lrclib.ClearFaults();
        _world.MusicBrainz.ClearFaults();
        await AssertTheServicesBackCompleteEveryFileAsync();
    }

    private async Task AssertTheServicesBackCompleteEveryFileAsync()
    {
        _world.Sandbox.Environment["MUSICDL_LRCLIB_URL"] = _world.Host.BaseUri.AbsoluteUri.TrimEnd('/');
        _world.Sandbox.Environment["MUSICDL_MUSICBRAINZ_URL"] = _world.Host.BaseUri.AbsoluteUri.TrimEnd('/');

        var healed = await RunAsync();

        Assert.Equal(Tracks, healed.WithStatus("retagged").Count);
        Assert.DoesNotContain(NoticeLines(healed), l => l.Contains("LRCLIB", StringComparison.Ordinal) || l.Contains("MusicBrainz", StringComparison.Ordinal));
        Assert.Equal(0, PathsMissing("lyrics"));
        Assert.Equal(0, PathsMissing("musicbrainz"));
        foreach (var path in FakeWorld.AudioFiles(_world.Sandbox.Library))
        {
            using var file = TagLib.File.Create(path, "audio/mp4", TagLib.ReadStyle.None);
            Assert.StartsWith(Synced, file.Tag.Lyrics, StringComparison.Ordinal);
            Assert.Contains(file.Tag.MusicBrainzTrackId, Enumerable.Range(0, Tracks).Select(i => FakeMusicBrainz.Uuid($"rec-{i}")));
        }
    }

    private async Task<RunOutput> RunAsync()
    {
        var run = new RunOutput(await _world.RunAsync("download", FakeWorld.AlbumUrl(_album), "--json", "-v").WaitAsync(RunLimit));
        Assert.True(run.Result.ExitCode == 0, run.ToString());
        return run;
    }

    /// <summary>What a run without -v prints on stderr: every log line but the debug ones.</summary>
    private static List<string> NoticeLines(RunOutput run) =>
        run.Result.Stderr.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("DBG ", StringComparison.Ordinal)).ToList();

    /// <summary>At most two lines about the two services: one each, naming why and what the tracks went without.</summary>
    private static void AssertOneLineEach(RunOutput run, string why, string cost)
    {
        var lines = NoticeLines(run).Where(l => l.Contains("LRCLIB", StringComparison.Ordinal) || l.Contains("MusicBrainz", StringComparison.Ordinal)
            || (l.StartsWith("WRN ", StringComparison.Ordinal) && l.Contains("lyrics", StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(lines.Count == 2, string.Join('\n', lines));
        Assert.Single(lines, l => l.Contains("LRCLIB " + why, StringComparison.Ordinal) && l.Contains("lyrics " + cost + "; a later run adds them", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("MusicBrainz " + why, StringComparison.Ordinal) && l.Contains("MusicBrainz ids " + cost, StringComparison.Ordinal));
    }

    private static int DebugLines(RunOutput run, string text) =>
        run.Result.Stderr.Split('\n').Count(l => l.StartsWith("DBG ", StringComparison.Ordinal) && l.Contains(text, StringComparison.Ordinal));

    /// <summary>The files the library state records as lacking <paramref name="part"/>.</summary>
    private int PathsMissing(string part)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _world.StateDatabase(), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(DISTINCT path) FROM missing_parts WHERE part = $part";
        command.Parameters.AddWithValue("$part", part);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using MusicDl.Fakes;
using MusicDl.Fakes.Spotify;
using MusicDl.Tests.Harness;
using Xunit.Abstractions;

namespace MusicDl.Tests.EndToEnd;

/// <summary>
/// Issue 12's chaos soak: a seeded schedule of faults over a 20-track playlist on the fakes (429s, 5xx, black holes,
/// stalled bodies, cut streams, 403 media, malformed and wrong-shaped JSON, YouTube's session limit for a while, a
/// stalled, failing, cut or truncated album cover, and a SIGKILL or a double SIGTERM at a seeded point), run again until a run
/// ends with exit 0 or 1 (at most 6). It runs on fixed seeds, one per interruption, so a run of the suite is repeatable;
/// MUSICDL_SOAK_SEED=&lt;seed&gt; replays a seed a failure names, MUSICDL_SOAK_SEED=random soaks on a fresh one.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class ChaosSoakTests(ITestOutputHelper output) : IAsyncLifetime
{
    // Every fault of the schedule lands within the requests of this many tracks (see Schedule; on the fixed seeds it is
    // asserted that each fired and that the first run was interrupted); none needs more.
    private const int Tracks = 20;
    private const int MaxRuns = 6;
    private const string SessionLimitAnswer = """{"playabilityStatus":{"status":"UNPLAYABLE","reason":"This content isn’t available, try again later.","errorScreen":{"playerErrorMessageRenderer":{"reason":{"simpleText":"This content isn’t available, try again later."}}}}}""";
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(150);

    private FakeWorld _world = null!;

    // The first run, interrupted by a signal, starts the binary (Sandbox.Start); the runs that recover after it go through
    // CliApp in this process on the driven clock, so the faults' timeouts and back-offs cost no real seconds.
    public async Task InitializeAsync() => _world = await FakeWorld.StartAsync(inProcess: true);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Theory]
    [InlineData(20261206, true)]
    [InlineData(12, false)]
    public async Task A_hostile_world_ends_with_every_findable_track_placed_once_and_nothing_left_behind(int fixedSeed, bool kill)
    {
        var chosen = Environment.GetEnvironmentVariable("MUSICDL_SOAK_SEED");
        var seed = chosen switch
        {
            null or "" => fixedSeed,
            "random" => Random.Shared.Next(),
            var s => int.Parse(s, CultureInfo.InvariantCulture),
        };
        output.WriteLine($"chaos soak seed {seed}, {(kill ? "SIGKILL" : "double SIGTERM")} (replay: MUSICDL_SOAK_SEED={seed})");
        try
        {
            await SoakAsync(seed, kill, wholeSchedule: string.IsNullOrEmpty(chosen));
        }
        catch (Exception ex)
        {
            throw new Xunit.Sdk.XunitException($"chaos soak failed with seed {seed} (replay: MUSICDL_SOAK_SEED={seed}): {ex.Message}\n{ex}");
        }
    }

    /// <summary>
    /// <paramref name="wholeSchedule"/>: the seed is one of the fixed ones, chosen so that the interruption lands and
    /// every queued fault fires (asserted: a fault queued past the requests the tracks make, or a run that ends before
    /// its interruption, soaks nothing). Another seed's shortfall is only said.
    /// </summary>
    private async Task SoakAsync(int seed, bool kill, bool wholeSchedule)
    {
        var random = new Random(seed);
        var (playlist, album) = _world.AddDownloadablePlaylist(Tracks, withOddities: false);
        var url = FakeWorld.PlaylistUrl(playlist);
        _world.Spotify.PageSize = 10;
        _world.Sandbox.Timeout = RunLimit;

        // A short request_timeout so black holes and stalls cost a second; a two-retry budget absorbs single faults.
        _world.WriteConfig(_world.Config("  request_timeout: 1\n  max_retries: 2\n  spotify_max_retries: 3"));
        Schedule(random);

        // The interruption: a SIGKILL or a double SIGTERM while the Nth media request of the first run is in flight.
        var interruptAt = random.Next(5, Tracks * 3 / 5);
        var log = new List<string>();
        var ended = false;
        RunOutput? last = null;
        for (var run = 1; run <= MaxRuns; run++)
        {
            if (run == 1)
            {
                var (code, interrupted, stderr) = await InterruptedRunAsync(url, interruptAt, kill);

                // YouTube's session limit for a while, within the next run's player requests (queued after the first
                // run, so that it cannot stop that run before its interruption): the run that meets it stops (exit 3),
                // the next one goes on.
                _world.Media.PlayerRoute.Fail(new FakeFault { Body = SessionLimitAnswer, FromRequest = _world.PlayerRequests + 1 + random.Next(Tracks / 4), Times = 1 + random.Next(3) });
                log.Add($"run 1: {(kill ? "SIGKILL" : "double SIGTERM")} at media request {interruptAt}{(interrupted ? string.Empty : $" (ended before it: {string.Join(" | ", stderr.Split('\n').Where(l => l.StartsWith("musicdl", StringComparison.Ordinal)).Take(3))})")}: exit {code}");
                Assert.True(interrupted || !wholeSchedule, string.Join('\n', log));

                // As the README defines it: 130 after signals; a SIGKILL has no say (137); the run may also have ended first.
                Assert.True(kill ? code is 137 or 0 or 1 or 3 : code is 130 or 0 or 1 or 3, string.Join('\n', log));
                if (code is 0 or 1)
                {
                    ended = true;
                    break;
                }

                continue;
            }

            var started = Stopwatch.StartNew();
            last = new RunOutput(await _world.RunAsync("download", url, "--json"));
            var withoutCover = FilesWithoutCover();
            log.Add($"run {run}: exit {last.Result.ExitCode} after {started.Elapsed.TotalSeconds:0.0} s (the run's own {(last.Lines.Count > 0 && last.Lines[^1].TryGetProperty("summary", out var summary) ? summary.GetProperty("elapsed_s").ToString() : "?")} s); {last.WithStatus("downloaded").Count} downloaded, {last.WithStatus("retagged").Count} retagged, {last.WithStatus("skipped").Count} skipped, {last.WithStatus("failed").Count} failed, {withoutCover.Count} without cover; stderr tail: {Tail(last.Result.Stderr)}");
            Assert.True(last.Result.ExitCode is 0 or 1 or 3, string.Join('\n', log));
            Assert.Empty(last.WithStatus("not_found"));

            // A file placed without its cover is recorded as lacking it, so a later run completes it.
            Assert.Subset(PathsMissing("cover"), withoutCover);
            if (last.Result.ExitCode == 3)
            {
                Assert.Single(last.Result.StderrLines, l => l.StartsWith("musicdl: ", StringComparison.Ordinal));
                continue;
            }

            ended = true;
            break;
        }

        output.WriteLine(string.Join('\n', log));
        Assert.True(ended, "no run ended with exit 0 or 1 within " + MaxRuns + " runs:\n" + string.Join('\n', log));

        var unfired = string.Join(", ", new[]
            {
                ("search", _world.Music.Route), ("player", _world.Media.PlayerRoute), ("media", _world.Media.MediaRoute), ("cover", _world.Spotify.ImageRoute),
                ("playlist items", _world.Spotify.Route("GET", "/v1/playlists/{id}/items")), ("playlist", _world.Spotify.Route("GET", "/v1/playlists/{id}")),
            }
            .Where(r => r.Item2.PendingFaults > 0)
            .Select(r => $"{r.Item2.PendingFaults} {r.Item1}")
            .Append(_world.Spotify.TruncatedCovers > 0 ? "the truncated cover" : null)
            .OfType<string>());
        output.WriteLine($"faults that never fired: {(unfired.Length == 0 ? "none" : unfired)}; requests: search {_world.SearchRequests}, player {_world.PlayerRequests}, media {_world.MediaRequests}, items {_world.Spotify.Route("GET", "/v1/playlists/{id}/items").Count}, playlist {_world.Spotify.Route("GET", "/v1/playlists/{id}").Count}, cover {_world.Spotify.ImageRoute.Count}");
        Assert.True(unfired.Length == 0 || !wholeSchedule, $"faults that never fired: {unfired}\n{string.Join('\n', log)}");

        // One more quiet run reports where every file is (skipped ones included) and proves nothing is left to do.
        _world.Music.Route.ClearFaults();
        _world.Media.PlayerRoute.ClearFaults();
        _world.Media.MediaRoute.ClearFaults();
        _world.Spotify.ImageRoute.ClearFaults();
        _world.Spotify.TruncatedCovers = 0;
        var final = new RunOutput(await _world.RunAsync("download", url, "--json"));
        Assert.True(final.Result.ExitCode == 0, string.Join('\n', log) + "\n" + final);
        output.WriteLine($"final run: {final.WithStatus("retagged").Count} retagged, {final.WithStatus("skipped").Count} skipped; cover requests {_world.Spotify.ImageRoute.Count}");
        Assert.Equal(Tracks, final.Tracks.Count);
        var paths = final.Tracks.Select(t => t.GetProperty("path").GetString()!).ToList();
        Assert.All(paths, p => Assert.True(File.Exists(p), p));
        Assert.Equal(Tracks, paths.Distinct(StringComparer.Ordinal).Count());

        // Every findable track placed exactly once, whole, tagged.
        var files = FakeWorld.AudioFiles(_world.Sandbox.Library);
        Assert.Equal(Tracks, files.Count);
        var titles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            using var tagged = TagLib.File.Create(file, "audio/mp4", TagLib.ReadStyle.Average);
            Assert.True(titles.Add(tagged.Tag.Title), $"{tagged.Tag.Title} placed twice");
            Assert.InRange(tagged.Properties.Duration, TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(1.5));

            // The album's cover, served by the fake Spotify on loopback.
            Assert.Equal(FakeSpotify.CoverJpeg, Assert.Single(tagged.Tag.Pictures).Data.Data);
        }

        Assert.Equal(album.Tracks.Select(t => t.Name).Order(StringComparer.Ordinal), titles.Order(StringComparer.Ordinal));
        Assert.Empty(FakeWorld.PartFiles(_world.Sandbox.Library));
        Assert.Empty(PathsMissing("cover"));
        Assert.Equal("ok", FakeWorld.IntegrityCheck(_world.StateDatabase()));
        Assert.Equal("ok", FakeWorld.IntegrityCheck(_world.CacheDatabase));

        // Every track ended downloaded and every one is findable by its ISRC: a negative search entry is poison.
        Assert.Equal(0, NegativeSearchEntries());
    }

    /// <summary>
    /// Single faults on every service, at seeded request positions; each is absorbed by a retry or a rerun. A position
    /// is at most the route's successful requests plus the faults before it (search and media: one request a track;
    /// player: within 90 % of them), so each fires before the tracks are all placed. The playlist is read 10 entries a
    /// page, so its 429 may take the second page. The session limit is queued after the first run (see SoakAsync).
    /// </summary>
    private void Schedule(Random random)
    {
        var search = _world.Music.Route;
        Queue(random, search, Tracks,
        [
            new FakeFault { Status = 500 }, new FakeFault { Status = 503 }, new FakeFault { MalformedJson = true },
            new FakeFault { Body = "null" }, new FakeFault { Body = "<html>unusual traffic</html>" }, new FakeFault { Body = """{"responseContext":{}}""" },
            new FakeFault { BlackHole = true }, new FakeFault { StallAfterBytes = 40 }, new FakeFault { CutAfterBytes = 120 },
            new FakeFault { Status = 500 }, new FakeFault { BlackHole = true }, new FakeFault { MalformedJson = true },
        ]);

        var player = _world.Media.PlayerRoute;
        Queue(random, player, Tracks * 9 / 10,
        [
            new FakeFault { Status = 500 }, new FakeFault { Status = 502 }, new FakeFault { BlackHole = true },
            new FakeFault { StallAfterBytes = 30 }, new FakeFault { MalformedJson = true }, new FakeFault { Body = "{}" },
            new FakeFault { CutAfterBytes = 200 },
        ]);

        var media = _world.Media.MediaRoute;
        var whole = _world.Media.BytesFor(140).Length;
        Queue(random, media, Tracks,
        [
            new FakeFault { Status = 403 }, new FakeFault { Status = 403 }, new FakeFault { CutAfterBytes = whole / 2 },
            new FakeFault { CutAfterBytes = whole / 3 }, new FakeFault { BlackHole = true }, new FakeFault { Status = 503 },
            new FakeFault { Status = 500 },
        ]);

        // The playlist is one album, whose cover is fetched once and then cached: its faults take the first cover
        // requests. Three failures in a row make a run stop asking, and its tracks are placed without the cover.
        var images = _world.Spotify.ImageRoute;
        FakeFault[] coverFaults =
        [
            new FakeFault { StallAfterBytes = 100 }, new FakeFault { Status = 500 }, new FakeFault { Status = 503 },
            new FakeFault { CutAfterBytes = FakeSpotify.CoverJpeg.Length / 2 }, new FakeFault { BlackHole = true },
        ];
        var firstCovers = coverFaults.OrderBy(_ => random.Next()).Take(1 + random.Next(4)).ToList();
        foreach (var fault in firstCovers)
        {
            images.Fail(fault with { FromRequest = 1, Times = 1 });
        }

        // And an image cut short but answered as whole (200, half the JPEG), on the first request the handler serves
        // (behind a stall or a cut fault, if one takes that request).
        _world.Spotify.TruncatedCovers = random.Next(2);
        output.WriteLine($"cover faults on the first {firstCovers.Count} cover requests, then {_world.Spotify.TruncatedCovers} truncated cover");

        _world.Spotify.Route("GET", "/v1/playlists/{id}/items").Fail(new FakeFault { Status = 429, RetryAfterSeconds = 1, Times = 1, FromRequest = 1 + random.Next(2) });
        _world.Spotify.Route("GET", "/v1/playlists/{id}").Fail(new FakeFault { Status = 503, Times = 1, FromRequest = 1 + random.Next(3) });
    }

    /// <summary>Queues the faults shuffled, one request each, at increasing seeded positions within the route's first <paramref name="span"/> requests.</summary>
    private static void Queue(Random random, FakeRoute route, int span, IReadOnlyList<FakeFault> faults)
    {
        var positions = Enumerable.Range(2, span).OrderBy(_ => random.Next()).Take(faults.Count).Order().ToArray();
        var shuffled = faults.OrderBy(_ => random.Next()).ToArray();
        for (var i = 0; i < shuffled.Length; i++)
        {
            var fault = shuffled[i];
            route.Fail(fault with { FromRequest = positions[i], Times = fault.Times == int.MaxValue ? 1 : fault.Times });
        }
    }

    /// <summary>Runs once, interrupting it while media request <paramref name="at"/> is held; its exit code, and whether it was interrupted (not ended before).</summary>
    private async Task<(int Code, bool Interrupted, string Stderr)> InterruptedRunAsync(string url, int at, bool kill)
    {
        _world.Media.MediaRoute.HoldRequest(at);
        using var process = _world.Sandbox.Start(["--config", _world.ConfigPath, "download", url, "--json"]);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(_world.Media.MediaRoute.Held, exited).WaitAsync(RunLimit);
        if (first != exited)
        {
            if (kill)
            {
                process.Kill(entireProcessTree: true);
            }
            else
            {
                await SignalAsync(process, "-TERM");
                await SignalAsync(process, "-TERM");
            }
        }

        await exited.WaitAsync(RunLimit);
        _world.Media.MediaRoute.Release();
        await Task.WhenAll(stdout, stderr);
        if (!kill && first != exited)
        {
            Assert.Empty(FakeWorld.PartFiles(_world.Sandbox.Library));
        }

        return (process.ExitCode, first != exited, await stderr);
    }

    /// <summary>The placed files that carry no picture.</summary>
    private HashSet<string> FilesWithoutCover()
    {
        var without = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in FakeWorld.AudioFiles(_world.Sandbox.Library))
        {
            using var file = TagLib.File.Create(path, "audio/mp4", TagLib.ReadStyle.Average);
            if (file.Tag.Pictures.Length == 0)
            {
                without.Add(Path.GetFullPath(path));
            }
        }

        return without;
    }

    /// <summary>The files the library state records as lacking <paramref name="part"/>.</summary>
    private HashSet<string> PathsMissing(string part)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(_world.StateDatabase()))
        {
            return paths;
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _world.StateDatabase(), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT path FROM missing_parts WHERE part = $part";
        command.Parameters.AddWithValue("$part", part);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            // The state keeps paths relative to the library.
            paths.Add(Path.GetFullPath(reader.GetString(0), _world.Sandbox.Library));
        }

        return paths;
    }

    private int NegativeSearchEntries()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _world.CacheDatabase, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM entries WHERE region = 'audio_search' AND negative = 1";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static string Tail(string text) => string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(2));

    private static async Task SignalAsync(Process process, string signal)
    {
        using var kill = Process.Start("kill", [signal, process.Id.ToString(CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
    }
}

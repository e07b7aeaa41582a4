using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using MusicDl.Fakes;
using MusicDl.Tests.Harness;

namespace MusicDl.Tests.EndToEnd;

/// <summary><c>musicdl doctor</c> against the fakes: what blocks a download is a problem (exit 3), the rest warnings (exit 0).</summary>
[Trait("Category", "EndToEnd")]
public sealed class DoctorEndToEndTests : IAsyncLifetime
{
    private FakeWorld _world = null!;

    public async Task InitializeAsync() => _world = await FakeWorld.StartAsync(inProcess: true);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private string Config(string extra = "") => $"""
        download:
          output_dir: "{_world.Sandbox.Library}"
        {extra}
        """;

    [Fact]
    public async Task Against_the_fakes_every_blocking_check_passes_and_it_exits_0()
    {
        _world.WriteConfig(Config());

        var run = await _world.RunAsync("doctor");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain(run.StdoutLines, l => l.StartsWith("PROBLEM", StringComparison.Ordinal));
        foreach (var name in new[] { "ffmpeg", "spotify credentials", "spotify api", "youtube music", "youtube", "output folder", "library lock" })
        {
            Assert.Contains(run.StdoutLines, l => l.StartsWith("ok", StringComparison.Ordinal) && l.Contains($" {name} ", StringComparison.Ordinal));
        }

        // No login and no cache file yet are only warnings, each saying what to do.
        Assert.Contains(run.StdoutLines, l => l.StartsWith("warning", StringComparison.Ordinal) && l.Contains("spotify login", StringComparison.Ordinal) && l.Contains("musicdl auth login", StringComparison.Ordinal));
        Assert.Contains(run.StdoutLines, l => l.StartsWith("warning", StringComparison.Ordinal) && l.Contains("cache file", StringComparison.Ordinal));
        Assert.Equal(1, _world.Spotify.TokenRequests);
    }

    [Fact]
    public async Task Ffmpeg_path_pointing_nowhere_is_a_problem_naming_ffmpeg_and_exits_3()
    {
        var nowhere = Path.Combine(_world.Sandbox.Root, "no-such-ffmpeg");
        _world.WriteConfig(Config().Replace("download:\n", $"download:\n  ffmpeg_path: \"{nowhere}\"\n", StringComparison.Ordinal));

        var run = await _world.RunAsync("doctor");

        Assert.True(run.ExitCode == 3, run.ToString());
        var line = Assert.Single(run.StdoutLines, l => l.StartsWith("PROBLEM", StringComparison.Ordinal));
        Assert.Contains("ffmpeg", line, StringComparison.Ordinal);
        Assert.Contains(nowhere, line, StringComparison.Ordinal);
        Assert.Contains("install ffmpeg", line, StringComparison.Ordinal);
        Assert.Contains("ffmpeg", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejected_credentials_block_downloads_and_exit_3()
    {
        _world.WriteConfig(Config());
        _world.Sandbox.Environment["SPOTIFY_CLIENT_SECRET"] = "not-the-secret";

        var run = await _world.RunAsync("doctor");

        Assert.True(run.ExitCode == 3, run.ToString());
        var line = Assert.Single(run.StdoutLines, l => l.StartsWith("PROBLEM", StringComparison.Ordinal));
        Assert.Contains("spotify credentials", line, StringComparison.Ordinal);
        Assert.Contains("rejected", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_that_never_answers_is_reported_and_doctor_ends_within_twice_the_request_timeout()
    {
        // Accepts connections and never answers a byte.
        using var blackHole = new SilentServer();
        _world.Sandbox.Environment["MUSICDL_YOUTUBE_URL"] = blackHole.Url;
        _world.WriteConfig(Config().Replace("download:\n", "download:\n  request_timeout: 8\n", StringComparison.Ordinal));
        var started = _world.Clock!.Elapsed;

        var run = await _world.RunAsync("doctor");

        Assert.True(run.ExitCode == 3, run.ToString());
        AssertWithinTwiceTheRequestTimeout(started);
        var line = Assert.Single(run.StdoutLines, l => l.StartsWith("PROBLEM", StringComparison.Ordinal));
        Assert.Contains("youtube", line, StringComparison.Ordinal);
        Assert.Contains("no answer within 8 s", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lrclib_and_musicbrainz_when_enabled_are_asked_as_their_clients_ask_and_reported_ok()
    {
        _world.WriteConfig(Config("  lyrics: both\n  musicbrainz: true\n"));

        var run = await _world.RunAsync("doctor");

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var name in new[] { "lrclib", "musicbrainz" })
        {
            var line = Assert.Single(run.StdoutLines, l => l.Contains($" {name} ", StringComparison.Ordinal));
            Assert.StartsWith("ok", line, StringComparison.Ordinal);
            Assert.Contains(_world.Host.BaseUri.Authority, line, StringComparison.Ordinal);
            Assert.Contains(" ms", line, StringComparison.Ordinal);
        }

        // One request each, on the services' own API routes, naming musicdl as both services ask.
        Assert.Equal(1, _world.Lrclib.RequestCount);
        Assert.Equal(1, _world.MusicBrainz.RequestCount);
        Assert.StartsWith("musicdl/", _world.Lrclib.LastUserAgent, StringComparison.Ordinal);
        Assert.StartsWith("musicdl/", _world.MusicBrainz.LastUserAgent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lrclib_never_answering_and_musicbrainz_refusing_are_warnings_and_doctor_still_exits_0_within_twice_the_request_timeout()
    {
        // LRCLIB: connections accepted and never answered. MusicBrainz: a port nothing listens on any more.
        using var blackHole = new SilentServer();
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var closedPort = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        _world.Sandbox.Environment["MUSICDL_LRCLIB_URL"] = blackHole.Url;
        _world.Sandbox.Environment["MUSICDL_MUSICBRAINZ_URL"] = $"http://127.0.0.1:{closedPort}";
        _world.WriteConfig(Config("  request_timeout: 8\n  lyrics: embed\n  musicbrainz: true\n"));
        var started = _world.Clock!.Elapsed;

        var run = await _world.RunAsync("doctor");

        Assert.True(run.ExitCode == 0, run.ToString());
        AssertWithinTwiceTheRequestTimeout(started);
        Assert.DoesNotContain(run.StdoutLines, l => l.StartsWith("PROBLEM", StringComparison.Ordinal));
        var lrclib = Assert.Single(run.StdoutLines, l => l.Contains(" lrclib ", StringComparison.Ordinal));
        Assert.StartsWith("warning", lrclib, StringComparison.Ordinal);
        Assert.Contains("no answer within 8 s", lrclib, StringComparison.Ordinal);
        Assert.Contains("set lyrics: none", lrclib, StringComparison.Ordinal);
        var musicBrainz = Assert.Single(run.StdoutLines, l => l.Contains(" musicbrainz ", StringComparison.Ordinal));
        Assert.StartsWith("warning", musicBrainz, StringComparison.Ordinal);
        Assert.Contains("unreachable", musicBrainz, StringComparison.Ordinal);
        Assert.DoesNotContain("no answer within", musicBrainz, StringComparison.Ordinal);
        Assert.Contains("set musicbrainz: false", musicBrainz, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lrclib_and_musicbrainz_answering_5xx_are_warnings_asked_once_each_and_doctor_exits_0()
    {
        _world.Lrclib.Fail(new FakeFault { Status = 502 });
        _world.MusicBrainz.IsrcRoute.Fail(new FakeFault { Status = 503, RetryAfterSeconds = 1 });
        _world.WriteConfig(Config("  lyrics: lrc\n  musicbrainz: true\n"));

        var run = await _world.RunAsync("doctor", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToList();
        var lrclib = Assert.Single(checks, c => c.GetProperty("name").GetString() == "lrclib");
        Assert.Equal("warning", lrclib.GetProperty("state").GetString());
        Assert.Contains("HTTP 502", lrclib.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("lyrics: none", lrclib.GetProperty("hint").GetString(), StringComparison.Ordinal);
        var musicBrainz = Assert.Single(checks, c => c.GetProperty("name").GetString() == "musicbrainz");
        Assert.Equal("warning", musicBrainz.GetProperty("state").GetString());
        Assert.Contains("HTTP 503", musicBrainz.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // One attempt each: no retry, not even on MusicBrainz's "slow down".
        Assert.Equal(1, _world.Lrclib.RequestCount);
        Assert.Equal(1, _world.MusicBrainz.RequestCount);
    }

    [Fact]
    public async Task Lrclib_and_musicbrainz_when_disabled_are_neither_asked_nor_listed()
    {
        _world.WriteConfig(Config("  lyrics: none\n  musicbrainz: false\n"));

        var run = await _world.RunAsync("doctor", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        var names = json.RootElement.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("youtube", names);
        Assert.DoesNotContain("lrclib", names);
        Assert.DoesNotContain("musicbrainz", names);
        Assert.Equal(0, _world.Lrclib.RequestCount);
        Assert.Equal(0, _world.MusicBrainz.RequestCount);
        Assert.DoesNotContain(_world.Host.Log, l => l.Contains(" /api/search", StringComparison.Ordinal) || l.Contains(" /api/get", StringComparison.Ordinal) || l.Contains(" /ws/2/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_is_one_document_with_each_checks_name_state_detail_and_hint()
    {
        var nowhere = Path.Combine(_world.Sandbox.Root, "no-such-ffmpeg");
        _world.WriteConfig(Config().Replace("download:\n", $"download:\n  ffmpeg_path: \"{nowhere}\"\n", StringComparison.Ordinal));

        var run = await _world.RunAsync("doctor", "--json");

        Assert.True(run.ExitCode == 3, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(3, json.RootElement.GetProperty("exit_code").GetInt32());
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToList();
        Assert.All(checks, c =>
        {
            Assert.False(string.IsNullOrEmpty(c.GetProperty("name").GetString()));
            Assert.Contains(c.GetProperty("state").GetString(), new[] { "ok", "warning", "problem" });
            Assert.False(string.IsNullOrEmpty(c.GetProperty("detail").GetString()));
            Assert.Equal(c.GetProperty("state").GetString() == "ok", c.GetProperty("hint").ValueKind == JsonValueKind.Null);
        });
        var ffmpeg = Assert.Single(checks, c => c.GetProperty("name").GetString() == "ffmpeg");
        Assert.Equal("problem", ffmpeg.GetProperty("state").GetString());
    }

    /// <summary>The run's own clock (the world's driven clock) moved less than twice request_timeout (8 s).</summary>
    private void AssertWithinTwiceTheRequestTimeout(TimeSpan started)
    {
        var took = _world.Clock!.Elapsed - started;
        Assert.True(took < TimeSpan.FromSeconds(16), $"doctor took {took} on its clock");
        Assert.True(_world.Clock.DeadlinesFired > 0, "no deadline fired: the silent service was never waited on");
    }
}

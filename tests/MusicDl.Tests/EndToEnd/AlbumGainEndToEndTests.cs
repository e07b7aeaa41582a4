using MusicDl.Configuration;
using MusicDl.Fakes;
using MusicDl.Fakes.Lrclib;
using MusicDl.Fakes.MusicBrainz;
using MusicDl.Fakes.Spotify;
using MusicDl.Tagging;
using MusicDl.Tests.Harness;
using TagLib.Mpeg4;
using MusicDl.Tests.TestSupport;

namespace MusicDl.Tests.EndToEnd;

/// <summary>
/// ReplayGain's album pass writes the album gain into tracks the run has just tagged: it reuses what the track's own
/// tagging got and never asks LRCLIB or MusicBrainz again (a dead service would otherwise cost every track twice).
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class AlbumGainEndToEndTests : IAsyncLifetime
{
    private const int Tracks = 3;
    private const string Synced = "[00:00.10] la la\n[00:00.60] la";
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(90);

    private FakeWorld _world = null!;
    private FakeAlbum _album = null!;

    public async Task InitializeAsync()
    {
        _world = await FakeWorld.StartAsync(inProcess: true);
        _album = _world.AddDownloadableAlbumWithExtras(Tracks, Synced);
        _world.WriteConfig(_world.Config("  request_timeout: 1\n  max_retries: 1\n  lyrics: embed\n  musicbrainz: true\n  replaygain: true"));
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Without_a_cache_each_track_asks_lrclib_and_musicbrainz_once_and_keeps_lyrics_ids_and_genres_beside_the_album_gain()
    {
        var run = new RunOutput(await _world.RunAsync("download", FakeWorld.AlbumUrl(_album), "--no-cache", "--json").WaitAsync(RunLimit));

        Assert.True(run.Result.ExitCode == 0, run.ToString());
        Assert.Equal(Tracks, run.WithStatus("downloaded").Count);
        Assert.Equal(Tracks, _world.Lrclib.GetRoute.Count);
        Assert.Equal(0, _world.Lrclib.SearchRoute.Count);
        Assert.Equal(Tracks, _world.MusicBrainz.IsrcRoute.Count);
        Assert.Equal(0, _world.MusicBrainz.ReleaseGroupRoute.Count);

        var tags = FakeWorld.AudioFiles(_world.Sandbox.Library).Select(Read).OrderBy(t => t.Lyrics, StringComparer.Ordinal).ToList();
        Assert.Equal(Tracks, tags.Count);
        Assert.Equal(Enumerable.Range(0, Tracks).Select(i => Synced + i), tags.Select(t => t.Lyrics));
        Assert.Equal(Enumerable.Range(0, Tracks).Select(i => FakeMusicBrainz.Uuid($"rec-{i}")), tags.Select(t => t.RecordingId));
        Assert.All(tags, t => Assert.Equal(FakeMusicBrainz.Uuid("release-mbid"), t.ReleaseId));
        Assert.All(tags, t => Assert.NotEmpty(t.Genres));
        Assert.All(tags, t => Assert.Matches(@"^-?\d+\.\d\d dB$", t.TrackGain));
        Assert.Matches(@"^-?\d+\.\d\d dB$", tags[0].AlbumGain);
        Assert.Single(tags.Select(t => t.AlbumGain).Distinct());
        Assert.All(FakeWorld.AudioFiles(_world.Sandbox.Library), f => Assert.NotNull(TagWriter.ReadCover(f, AudioFormat.M4a)));

        // What the album pass recorded is what a re-tag would write: metadata mode finds every file up to date.
        var files = FakeWorld.AudioFiles(_world.Sandbox.Library);
        var written = files.Select(System.IO.File.GetLastWriteTimeUtc).ToList();
        var retag = new RunOutput(await _world.RunAsync("download", FakeWorld.AlbumUrl(_album), "--no-cache", "--overwrite", "metadata", "--json").WaitAsync(RunLimit));

        Assert.True(retag.Result.ExitCode == 0, retag.ToString());
        Assert.Equal(written, files.Select(System.IO.File.GetLastWriteTimeUtc));
    }

    [Fact]
    public async Task A_stalled_lrclib_costs_each_track_one_timeout_and_the_album_gain_and_ids_are_still_written()
    {
        _world.Lrclib.GetRoute.Fail(new FakeFault { BlackHole = true });

        var run = new RunOutput(await _world.RunAsync("download", FakeWorld.AlbumUrl(_album), "--no-cache", "--json").WaitAsync(RunLimit));

        Assert.True(run.Result.ExitCode == 0, run.ToString());
        Assert.Equal(Tracks, run.WithStatus("downloaded").Count);
        Assert.Equal(Tracks, _world.Lrclib.GetRoute.Count);
        Assert.Equal(Tracks, _world.MusicBrainz.IsrcRoute.Count);
        var tags = FakeWorld.AudioFiles(_world.Sandbox.Library).Select(Read).ToList();
        Assert.Equal(Tracks, tags.Count);
        Assert.All(tags, t => Assert.Null(t.Lyrics));
        Assert.All(tags, t => Assert.Equal(FakeMusicBrainz.Uuid("release-mbid"), t.ReleaseId));
        Assert.Matches(@"^-?\d+\.\d\d dB$", tags[0].AlbumGain);
        Assert.Single(tags.Select(t => t.AlbumGain).Distinct());

        // The lyrics are still owed: the next run (LRCLIB back) asks again, once per track, and embeds them.
        _world.Lrclib.GetRoute.ClearFaults();
        var next = new RunOutput(await _world.RunAsync("download", FakeWorld.AlbumUrl(_album), "--no-cache", "--json").WaitAsync(RunLimit));

        Assert.True(next.Result.ExitCode == 0, next.ToString());
        Assert.Equal(2 * Tracks, _world.Lrclib.GetRoute.Count);
        var healed = FakeWorld.AudioFiles(_world.Sandbox.Library).Select(Read).ToList();
        Assert.All(healed, t => Assert.StartsWith(Synced, t.Lyrics, StringComparison.Ordinal));
        Assert.Equal(tags.Select(t => t.AlbumGain), healed.Select(t => t.AlbumGain));
    }

    [Fact]
    public async Task A_signal_during_the_album_pass_leaves_the_album_gain_owed_and_the_next_skip_run_writes_it_into_every_file_without_youtube()
    {
        // An ffmpeg that is the real one except for the album measurement, which says it started and then waits for
        // the run to end it: the signal is sent while the album pass is certainly under way.
        var started = Path.Combine(_world.Sandbox.Root, "album-pass-started");
        var holding = Path.Combine(_world.Sandbox.Root, "bin", "ffmpeg");
        Directory.CreateDirectory(Path.GetDirectoryName(holding)!);
        ShellTool.Install(holding, $"#!/bin/sh\ncase \"$*\" in *concat=n=*) : > '{started}'; exec sleep 600;; esac\nexec ffmpeg \"$@\"\n");

        var config = "  request_timeout: 1\n  max_retries: 1\n  lyrics: embed\n  musicbrainz: true\n  replaygain: true";
        _world.WriteConfig(_world.Config(config + $"\n  ffmpeg_path: \"{holding}\""));
        var url = FakeWorld.AlbumUrl(_album);

        using (var run = new WatchedRun(_world.Sandbox.Start(["--config", _world.ConfigPath, "download", url, "--no-cache", "--json"])))
        {
            await UntilAsync(() => System.IO.File.Exists(started) || run.Process.HasExited);
            Assert.True(System.IO.File.Exists(started), "the album pass never started");
            using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", run.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            var interrupted = new RunOutput(await run.WaitAsync(RunLimit));
            Assert.True(interrupted.Result.ExitCode == 130, interrupted.ToString());
            Assert.Equal(Tracks, interrupted.WithStatus("downloaded").Count);
        }

        Assert.All(FakeWorld.AudioFiles(_world.Sandbox.Library).Select(Read), t => Assert.Null(t.AlbumGain));
        var (searches, players, media) = (_world.SearchRequests, _world.PlayerRequests, _world.MediaRequests);

        // The next run, in skip mode with a working ffmpeg, downloads nothing and completes the album.
        _world.WriteConfig(_world.Config(config));
        var next = new RunOutput(await _world.RunAsync("download", url, "--no-cache", "--json").WaitAsync(RunLimit));

        Assert.True(next.Result.ExitCode == 0, next.ToString());
        Assert.Empty(next.WithStatus("downloaded"));
        Assert.Equal((searches, players, media), (_world.SearchRequests, _world.PlayerRequests, _world.MediaRequests));
        var tags = FakeWorld.AudioFiles(_world.Sandbox.Library).Select(Read).ToList();
        Assert.Equal(Tracks, tags.Count);
        Assert.All(tags, t => Assert.Matches(@"^-?\d+\.\d\d dB$", t.AlbumGain));
        Assert.Single(tags.Select(t => t.AlbumGain).Distinct());
        Assert.All(tags, t => Assert.NotNull(t.Lyrics));
        Assert.All(FakeWorld.AudioFiles(_world.Sandbox.Library), f => Assert.NotNull(TagWriter.ReadCover(f, AudioFormat.M4a)));

        // Paid: a third run has nothing left to do.
        var written = FakeWorld.AudioFiles(_world.Sandbox.Library).Select(System.IO.File.GetLastWriteTimeUtc).ToList();
        var third = new RunOutput(await _world.RunAsync("download", url, "--json").WaitAsync(RunLimit));
        Assert.True(third.Result.ExitCode == 0, third.ToString());
        Assert.Equal(Tracks, third.WithStatus("skipped").Count);
        Assert.Equal(written, FakeWorld.AudioFiles(_world.Sandbox.Library).Select(System.IO.File.GetLastWriteTimeUtc));
    }

    // Polls an observable condition (a file the fake tool writes), bounded by the run limit.
    private static async Task UntilAsync(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(RunLimit);
        while (!condition())
        {
            await Task.Delay(20, limit.Token);
        }
    }

    private static (string? Lyrics, string? TrackGain, string? AlbumGain, string? RecordingId, string? ReleaseId, string[] Genres) Read(string path)
    {
        using var file = TagLib.File.Create(path, "audio/mp4", TagLib.ReadStyle.Average);
        var apple = (AppleTag)file.GetTag(TagLib.TagTypes.Apple);
        string? Dash(string name) => apple.GetDashBox("com.apple.iTunes", name);
        return (apple.Lyrics, Dash("replaygain_track_gain"), Dash("replaygain_album_gain"), Dash("MusicBrainz Track Id"), Dash("MusicBrainz Album Id"), apple.Genres);
    }
}

using MusicDl.Fakes;
using MusicDl.Tests.TestSupport;

namespace MusicDl.Tests.EndToEnd;

/// <summary>
/// Issue 13 on the built binary: every bad input and local fault gives one line with the documented exit code before
/// any network request, never .NET's unhandled-exception abort, never a stack trace without -v.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class BadInputEndToEndTests : IAsyncLifetime
{
    private FakeWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await FakeWorld.StartAsync(inProcess: true);
        _world.WriteConfig(_world.Config());
        Directory.CreateDirectory(Folder);
        File.WriteAllText(AFile, "not a folder");
        File.CreateSymbolicLink(Link, AFile);
        MakeFifo(Fifo);

        // 40,000 levels: flow sequences in the config, flow mappings in the overrides file.
        File.WriteAllText(DeepConfig, "version: \"1.0\"\ndownload:\n  threads: " + new string('[', 40_000) + new string(']', 40_000) + "\n");
        File.WriteAllText(DeepOverrides, "overrides:\n  x: " + string.Concat(Enumerable.Repeat("{a: ", 40_000)) + "b" + new string('}', 40_000) + "\n");
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private string Folder => Path.Combine(_world.Sandbox.Root, "a-folder");

    private string AFile => Path.Combine(_world.Sandbox.Root, "a-file");

    private string Link => Path.Combine(_world.Sandbox.Root, "a-link");

    private string Fifo => Path.Combine(_world.Sandbox.Root, "a-fifo");

    private string DeepConfig => Path.Combine(_world.Sandbox.Root, "deep.yaml");

    private string DeepOverrides => Path.Combine(_world.Sandbox.Root, "deep-overrides.yaml");

    public static TheoryData<string, string[], int, string> Cases() => new()
    {
        { "config is a folder", ["--config", "{folder}", "download", "{url}"], 2, "is a folder" },
        { "config under a file", ["--config", "{file}/x.yaml", "download", "{url}"], 2, "config file" },
        { "log file is a folder", ["download", "--log-file", "{folder}", "{url}"], 2, "is a folder" },
        { "log file impossible", ["download", "--log-file", "{file}/x.log", "{url}"], 2, "--log-file" },
        { "from-file is a folder", ["download", "--from-file", "{folder}"], 2, "is a folder" },
        { "from-file impossible", ["download", "--from-file", "{file}/urls.txt"], 2, "--from-file" },
        { "threads not a number", ["download", "--threads", "abc", "{url}"], 2, "--threads expects a whole number" },
        { "output folder is a file", ["download", "--output-dir", "{file}", "{url}"], 3, "is a file" },
        { "output folder is a file, dry run", ["download", "--dry-run", "--output-dir", "{file}", "{url}"], 3, "is a file" },
        { "output folder beneath a file", ["download", "--output-dir", "{file}/music", "{url}"], 3, "is a file" },
        { "output folder /dev/null", ["download", "--output-dir", "/dev/null", "{url}"], 3, "kernel file system" },
        { "output folder /dev/null, dry run", ["download", "--dry-run", "--output-dir", "/dev/null", "{url}"], 3, "kernel file system" },
        { "output folder under /proc", ["download", "--output-dir", "/proc/musicdl", "{url}"], 3, "kernel file system" },
        { "output folder under /proc, dry run", ["download", "--dry-run", "--output-dir", "/proc/musicdl", "{url}"], 3, "kernel file system" },
        { "cache stats on a folder", ["cache", "stats", "--cache-file", "{folder}"], 3, "is a folder" },
        { "cache clear on a folder", ["cache", "clear", "--cache-file", "{folder}"], 3, "is a folder" },
        { "cache prune on a folder", ["cache", "prune", "--cache-file", "{folder}"], 3, "is a folder" },
        { "review is a folder", ["download", "--review", "{folder}", "{url}"], 2, "is a folder" },
        { "review is a symlink", ["download", "--review", "{link}", "{url}"], 2, "is a symlink" },
        { "review is a FIFO", ["download", "--review", "{fifo}", "{url}"], 2, "is a FIFO" },
        { "match review is a symlink", ["match", "--review", "{link}", "{url}"], 2, "is a symlink" },
        { "log file is a device", ["download", "--log-file", "/dev/null", "{url}"], 2, "is a device" },
        { "log file is a symlink", ["download", "--log-file", "{link}", "{url}"], 2, "is a symlink" },
        { "log file is a FIFO", ["download", "--log-file", "{fifo}", "{url}"], 2, "is a FIFO" },
        { "from-file is /dev/zero", ["download", "--from-file", "/dev/zero"], 2, "is a device" },
        { "from-file is a FIFO", ["download", "--from-file", "{fifo}"], 2, "is a FIFO" },
        { "overrides is /dev/zero", ["download", "--overrides", "/dev/zero", "{url}"], 2, "is a device" },
        { "overrides is a FIFO", ["download", "--overrides", "{fifo}", "{url}"], 2, "is a FIFO" },
        { "config is /dev/zero", ["--config", "/dev/zero", "download", "{url}"], 2, "is a device" },
        { "config is a FIFO", ["--config", "{fifo}", "download", "{url}"], 2, "is a FIFO" },
        { "wait beyond a year", ["download", "--wait=99999999d", "{url}"], 2, "--wait '99999999d'" },
        { "request timeout beyond a year", ["download", "--request-timeout", "400d", "{url}"], 2, "--request-timeout '400d'" },
        { "config nested 40,000 deep", ["--config", "{deep}", "download", "{url}"], 2, "deep.yaml:3:" },
        { "overrides nested 40,000 deep", ["download", "--overrides", "{deep-overrides}", "{url}"], 2, "deep-overrides.yaml:2:" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_input_gives_one_line_and_its_exit_code_before_any_request(string name, string[] args, int exitCode, string says)
    {
        var album = _world.AddDownloadableAlbum(1);
        var expanded = args.Select(a => a.Replace("{folder}", Folder, StringComparison.Ordinal).Replace("{file}", AFile, StringComparison.Ordinal)
            .Replace("{link}", Link, StringComparison.Ordinal).Replace("{fifo}", Fifo, StringComparison.Ordinal)
            .Replace("{deep}", DeepConfig, StringComparison.Ordinal).Replace("{deep-overrides}", DeepOverrides, StringComparison.Ordinal)
            .Replace("{url}", FakeWorld.AlbumUrl(album), StringComparison.Ordinal)).ToArray();
        var withConfig = expanded.Contains("--config") ? expanded : ["--config", _world.ConfigPath, .. expanded];

        var result = await _world.Sandbox.RunAsync(withConfig);

        Assert.True(result.ExitCode == exitCode, $"{name}: {result}");
        AssertOneLine(result, says);
        Assert.True(_world.Host.Log.IsEmpty, $"{name}: requests were made: {string.Join(", ", _world.Host.Log)}");

        // Nothing the user named was touched: the symlink still points at the file, which still holds its text.
        Assert.Equal(AFile, new FileInfo(Link).LinkTarget);
        Assert.Equal("not a folder", File.ReadAllText(AFile));
        Assert.True(File.Exists(Fifo), $"{name}: the FIFO is gone");
        Assert.Null(new FileInfo(Fifo).LinkTarget);
    }

    [Fact]
    public async Task A_run_that_cannot_start_under_json_still_ends_stdout_with_its_summary()
    {
        var album = _world.AddDownloadableAlbum(1);

        var run = new RunOutput(await _world.RunAsync("download", "--json", "--output-dir", AFile, FakeWorld.AlbumUrl(album)));

        Assert.True(run.Result.ExitCode == 3, run.ToString());
        Assert.Equal(3, run.Summary.GetProperty("exit_code").GetInt32());
        Assert.Contains("is a file", run.Summary.GetProperty("error").GetString(), StringComparison.Ordinal);
        AssertOneLine(run.Result, "is a file");
    }

    [Fact]
    public async Task A_library_whose_folders_refuse_files_stops_at_the_first_placement_with_exit_3()
    {
        // The library and its .musicdl are fine; the folder every track goes into is a file.
        _world.WriteConfig(_world.Config("  output: \"songs/{title}.{output-ext}\""));
        Directory.CreateDirectory(_world.Sandbox.Library);
        File.WriteAllText(Path.Combine(_world.Sandbox.Library, "songs"), "in the way");
        var album = _world.AddDownloadableAlbum(8);

        var run = new RunOutput(await _world.RunAsync("download", "--json", "--threads", "1", FakeWorld.AlbumUrl(album)));

        Assert.True(run.Result.ExitCode == 3, run.ToString());
        Assert.Contains("cannot write in the library folder", run.Result.Stderr, StringComparison.Ordinal);
        Assert.True(_world.PlayerRequests <= 1, $"{_world.PlayerRequests} tracks were fetched before the run stopped");
        Assert.DoesNotContain("   at ", run.Result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("random bytes")]
    [InlineData("truncated")]
    [InlineData("foreign schema")]
    [InlineData("a folder")]
    public async Task A_corrupt_state_is_moved_aside_with_one_warning_and_files_in_place_are_kept(string damage)
    {
        var album = _world.AddDownloadableAlbum(2);
        var first = await _world.RunAsync("download", FakeWorld.AlbumUrl(album));
        Assert.True(first.ExitCode == 0, first.ToString());
        var state = _world.StateDatabase();
        foreach (var side in new[] { state + "-wal", state + "-shm" }.Where(File.Exists))
        {
            File.Delete(side);
        }

        Damage(state, damage);
        var media = _world.MediaRequests;

        var run = new RunOutput(await _world.RunAsync("download", "--json", FakeWorld.AlbumUrl(album)));

        Assert.True(run.Result.ExitCode == 0, run.ToString());
        Assert.Equal(2, run.WithStatus("skipped").Count);
        Assert.Equal(media, _world.MediaRequests);
        Assert.Single(run.Result.StderrLines, l => l.Contains("moved aside", StringComparison.Ordinal));
        Assert.Single(Directory.GetFileSystemEntries(Path.GetDirectoryName(state)!, "state.db.corrupt-*"));
        Assert.Equal("ok", FakeWorld.IntegrityCheck(state));
    }

    [Fact]
    public async Task A_file_placed_without_its_cover_is_incomplete_and_retagged_next_run_without_youtube()
    {
        var album = _world.AddDownloadableAlbum(1);
        // Every cover request of the first run fails (a single 5xx is retried, so one fault would not be enough).
        _world.Spotify.ImageRoute.Fail(new FakeFault { Status = 500 });

        var first = new RunOutput(await _world.RunAsync("download", "--json", FakeWorld.AlbumUrl(album)));
        _world.Spotify.ImageRoute.ClearFaults();
        Assert.True(first.Result.ExitCode == 0, first.ToString());
        var path = first.WithStatus("downloaded").Single().GetProperty("path").GetString()!;
        using (var file = TagLib.File.Create(path, "audio/mp4", TagLib.ReadStyle.Average))
        {
            Assert.Empty(file.Tag.Pictures);
        }

        var (search, player, mediaBefore) = (_world.SearchRequests, _world.PlayerRequests, _world.MediaRequests);
        var second = new RunOutput(await _world.RunAsync("download", "--json", FakeWorld.AlbumUrl(album)));

        Assert.True(second.Result.ExitCode == 0, second.ToString());
        Assert.Equal(path, second.WithStatus("retagged").Single().GetProperty("path").GetString());
        using (var file = TagLib.File.Create(path, "audio/mp4", TagLib.ReadStyle.Average))
        {
            Assert.Single(file.Tag.Pictures);
        }

        Assert.Equal((search, player, mediaBefore), (_world.SearchRequests, _world.PlayerRequests, _world.MediaRequests));
        var third = new RunOutput(await _world.RunAsync("download", "--json", FakeWorld.AlbumUrl(album)));
        Assert.Single(third.WithStatus("skipped")); // complete now: no more re-tagging
    }

    [Fact]
    public async Task An_ffmpeg_that_exits_0_after_writing_garbage_fails_the_track_and_places_nothing()
    {
        var bin = Path.Combine(_world.Sandbox.Root, "bin");
        Directory.CreateDirectory(bin);
        var fake = Path.Combine(bin, "ffmpeg");
        ShellTool.Install(fake, "#!/bin/sh\nfor last; do :; done\necho garbage > \"$last\"\nexit 0\n");
        _world.WriteConfig(_world.Config($"  ffmpeg_path: \"{fake}\""));
        var album = _world.AddDownloadableAlbum(1);

        var run = new RunOutput(await _world.RunAsync("download", "--json", FakeWorld.AlbumUrl(album)));

        Assert.True(run.Result.ExitCode == 1, run.ToString());
        var failed = run.WithStatus("failed").Single();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, failed.GetProperty("path").ValueKind);
        Assert.Contains("ffmpeg", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(FakeWorld.AudioFiles(_world.Sandbox.Library));
        Assert.Empty(FakeWorld.PartFiles(_world.Sandbox.Library));
        Assert.Equal(1, run.Summary.GetProperty("failed").GetInt32());
    }

    private static void Damage(string state, string damage)
    {
        switch (damage)
        {
            case "random bytes":
                File.WriteAllBytes(state, Enumerable.Range(0, 8192).Select(i => (byte)(i * 7919 % 251)).ToArray());
                break;
            case "truncated":
                var bytes = File.ReadAllBytes(state);
                File.WriteAllBytes(state, bytes[..Math.Min(bytes.Length, 200)]);
                break;
            case "foreign schema":
                File.Delete(state);
                using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={state};Pooling=false"))
                {
                    connection.Open();
                    using var command = connection.CreateCommand();
                    command.CommandText = "CREATE TABLE files(id INTEGER PRIMARY KEY, name TEXT); INSERT INTO files(name) VALUES('x');";
                    command.ExecuteNonQuery();
                }

                break;
            default:
                File.Delete(state);
                Directory.CreateDirectory(state);
                break;
        }
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    private static void AssertOneLine(MusicDl.Tests.Harness.MusicDlResult result, string says)
    {
        var lines = result.StderrLines.Where(l => l.Trim().Length > 0).ToArray();
        Assert.True(lines.Length == 1, $"expected one line on stderr: {result}");
        Assert.StartsWith("musicdl: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(says, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }
}

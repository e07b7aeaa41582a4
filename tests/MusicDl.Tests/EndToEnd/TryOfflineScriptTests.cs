using System.Diagnostics;
using MusicDl.Tests.Harness;

namespace MusicDl.Tests.EndToEnd;

/// <summary>
/// scripts/try-offline.sh as a newcomer runs it: standard input closed, an empty HOME, no credentials in the
/// environment. Reuses the Release builds the suite already made (MUSICDL_TRY_NO_BUILD) to stay quick.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class TryOfflineScriptTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "musicdl-try-test-" + Guid.NewGuid().ToString("N")[..12]);

    public TryOfflineScriptTests() => Directory.CreateDirectory(Path.Combine(_root, "home"));

    private static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "MusicDl.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException("MusicDl.sln not found above " + AppContext.BaseDirectory);
        }
    }

    [Fact]
    public async Task The_try_out_downloads_the_demo_playlist_tagged_with_covers_then_re_syncs_with_one_request()
    {
        var music = Path.Combine(_root, "music");

        var (exit, stdout, stderr) = await RunScriptAsync(music, path: null, TimeSpan.FromMinutes(5));

        var report = $"exit {exit}\n--- stdout\n{stdout}\n--- stderr\n{stderr}";
        Assert.True(exit == 0, report);
        var files = Directory.EnumerateFiles(music, "*.m4a", SearchOption.AllDirectories).ToList();
        Assert.Equal(12, files.Count);
        Assert.Contains(files, f => f.Contains("夜明けの街", StringComparison.Ordinal));
        foreach (var path in files)
        {
            using var file = TagLib.File.Create(path, "audio/mp4", TagLib.ReadStyle.None);
            Assert.False(string.IsNullOrEmpty(file.Tag.Title), path);
            Assert.False(string.IsNullOrEmpty(file.Tag.Album), path);
            Assert.NotEmpty(file.Tag.Pictures);
        }

        // Read without credentials from the playlist's public page, which lists no local files: the first run reports
        // the episode; the second downloads nothing with one Spotify request (the page).
        Assert.Contains("12 downloaded, 0 skipped", stderr, StringComparison.Ordinal);
        Assert.Contains("1 unsupported, 12 read from Spotify's public pages", stderr, StringComparison.Ordinal);
        Assert.Contains("0 downloaded, 12 skipped", stderr, StringComparison.Ordinal);
        Assert.Contains("requests: spotify 1, search 0, player 0, media 0", stderr, StringComparison.Ordinal);
        // The first file by path: a playlist page names no album, so the template's {album} is empty in the path,
        // while the tag carries the album of the matched YouTube Music song.
        Assert.Contains("title=Glass Rivers", stdout, StringComparison.Ordinal);
        Assert.Contains("album=Northern Lights", stdout, StringComparison.Ordinal);
        Assert.Contains("cover: mjpeg", stdout, StringComparison.Ordinal);
        // The user's own config, cache and login folders stay untouched: the demo keeps its own.
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(Path.Combine(_root, "home"), "*", SearchOption.AllDirectories),
            p => p.Contains("musicdl", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Without_ffmpeg_the_try_out_says_how_to_get_it_and_exits_3()
    {
        // A PATH holding only what the script needs before its ffmpeg check.
        var bin = Directory.CreateDirectory(Path.Combine(_root, "bin")).FullName;
        File.CreateSymbolicLink(Path.Combine(bin, "dirname"), "/usr/bin/dirname");

        var (exit, stdout, stderr) = await RunScriptAsync(Path.Combine(_root, "music"), bin, TimeSpan.FromMinutes(1));

        Assert.True(exit == 3, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.Contains("ffmpeg not found", stderr, StringComparison.Ordinal);
        Assert.Contains("apt-get install ffmpeg", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "music")));
    }

    private async Task<(int Exit, string Stdout, string Stderr)> RunScriptAsync(string music, string? path, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo("/bin/bash")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _root,
        };
        psi.ArgumentList.Add(Path.Combine(RepoRoot, "scripts", "try-offline.sh"));
        psi.ArgumentList.Add(music);
        foreach (var name in psi.Environment.Keys.Where(k => k.StartsWith("MUSICDL_", StringComparison.Ordinal) || k.StartsWith("SPOTIFY_", StringComparison.Ordinal)).ToList())
        {
            psi.Environment.Remove(name);
        }

        // The published executable the rest of the end-to-end tier runs, when the suite was given one.
        if (MusicDlSandbox.FindCommand() is [var published])
        {
            psi.Environment["MUSICDL_TEST_BINARY"] = published;
        }

        psi.Environment["HOME"] = Path.Combine(_root, "home");
        psi.Environment["TMPDIR"] = _root;
        if (path is not null)
        {
            psi.Environment["PATH"] = path;
        }

        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        if (configuration == "Release")
        {
            psi.Environment["MUSICDL_TRY_NO_BUILD"] = "1";
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start bash");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"try-offline.sh did not finish within {timeout}; stderr so far: {await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

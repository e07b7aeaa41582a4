using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace MusicDl.Tests.EndToEnd;

/// <summary>
/// Tag readers and a ReplayGain scanner nobody here wrote (Debian's python3-mutagen, beets' mediafile, loudgain;
/// .ci/run installs them). A missing tool fails the test with what to install: it never passes unread.
/// </summary>
internal static class ForeignReaders
{
    // Debian's interpreter, where python3-mutagen and beets put their modules (a pyenv python3 on PATH has neither).
    private static readonly string Python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    private const string ReaderScript = """
        import json, sys
        try:
            import mediafile, mutagen
        except ImportError as e:
            print("MISSING " + str(e)); sys.exit(3)
        out = []
        for path in sys.argv[1:]:
            f = mediafile.MediaFile(path)
            m = mutagen.File(path)
            tags = m.tags if m is not None and m.tags is not None else {}
            keys = [str(k) for k in tags.keys()]
            version = list(getattr(tags, "version", []) or [])
            out.append({
                "path": path, "keys": keys, "id3": version,
                "artists": f.artists, "mb_artistids": f.mb_artistids, "mb_albumartistids": f.mb_albumartistids,
                "rg_track_gain": f.rg_track_gain, "rg_track_peak": f.rg_track_peak,
                "rg_album_gain": f.rg_album_gain, "rg_album_peak": f.rg_album_peak,
                "r128_track_gain": f.r128_track_gain, "r128_album_gain": f.r128_album_gain,
                "comp": f.comp, "track": f.track, "tracktotal": f.tracktotal, "disc": f.disc, "disctotal": f.disctotal,
            })
        print(json.dumps(out))
        """;

    /// <summary>What mediafile (and mutagen, for the raw keys) read from each file.</summary>
    public static async Task<IReadOnlyList<ReadTags>> ReadAsync(IEnumerable<string> paths)
    {
        var script = Path.Combine(Path.GetTempPath(), $"musicdl-read-tags-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(script, ReaderScript);
        try
        {
            var (exit, stdout, stderr) = await RunAsync(Python, [script, .. paths], "python3-mutagen beets (for mediafile)");
            Assert.True(exit == 0, $"mediafile could not read the files (exit {exit}; install python3-mutagen and beets): {stdout}{stderr}");
            using var json = JsonDocument.Parse(stdout);
            return json.RootElement.EnumerateArray().Select(ReadTags.From).ToList();
        }
        finally
        {
            File.Delete(script);
        }
    }

    /// <summary>loudgain's track gains by file name, and its album gain (as ReplayGain 2.0's, to -18 LUFS), tags left alone.</summary>
    public static async Task<(IReadOnlyDictionary<string, double> TrackGains, double AlbumGain)> LoudgainAsync(IReadOnlyList<string> paths)
    {
        var (exit, stdout, stderr) = await RunAsync("loudgain", ["-a", "-q", "-O", "-s", "s", .. paths], "loudgain");
        Assert.True(exit == 0, $"loudgain failed (exit {exit}): {stdout}{stderr}");
        var tracks = new Dictionary<string, double>(StringComparer.Ordinal);
        double? album = null;
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var columns = line.Split('\t');
            if (columns.Length < 9 || columns[0] == "File")
            {
                continue;
            }

            // loudgain aims Opus at -23 LUFS (R128), the rest at -18: every gain is brought to ReplayGain 2.0's -18.
            var gain = Decibels(columns[8]) + (-18 - Decibels(columns[5]));
            if (columns[0] == "Album")
            {
                album = gain;
            }
            else
            {
                tracks[Path.GetFileName(columns[0])] = gain;
            }
        }

        Assert.True(album is not null && tracks.Count == paths.Count, $"loudgain printed no gain for every file and the album:\n{stdout}");
        return (tracks, album!.Value);
    }

    private static double Decibels(string column) =>
        double.Parse(column.Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture);

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string tool, IEnumerable<string> args, string package)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"{tool} is not installed ({e.Message}): this end-to-end test reads the files with it; apt-get install {package} (.ci/run does)");
            throw;
        }

        using (process)
        {
            Assert.NotNull(process);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await stdout, await stderr);
        }
    }
}

/// <summary>One file as mediafile reads it.</summary>
internal sealed record ReadTags(
    string Path,
    IReadOnlyList<string> Keys,
    IReadOnlyList<int> Id3Version,
    IReadOnlyList<string> Artists,
    IReadOnlyList<string> ArtistIds,
    IReadOnlyList<string> AlbumArtistIds,
    double? TrackGain,
    double? TrackPeak,
    double? AlbumGain,
    double? AlbumPeak,
    double? R128TrackGain,
    double? R128AlbumGain,
    bool? Compilation,
    int? Track,
    int? TrackTotal,
    int? Disc,
    int? DiscTotal)
{
    public static ReadTags From(JsonElement e) => new(
        e.GetProperty("path").GetString()!,
        Strings(e, "keys"),
        e.GetProperty("id3").EnumerateArray().Select(v => v.GetInt32()).ToArray(),
        Strings(e, "artists"),
        Strings(e, "mb_artistids"),
        Strings(e, "mb_albumartistids"),
        Number(e, "rg_track_gain"),
        Number(e, "rg_track_peak"),
        Number(e, "rg_album_gain"),
        Number(e, "rg_album_peak"),
        Number(e, "r128_track_gain"),
        Number(e, "r128_album_gain"),
        e.GetProperty("comp").ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => null },
        Int(e, "track"),
        Int(e, "tracktotal"),
        Int(e, "disc"),
        Int(e, "disctotal"));

    private static string[] Strings(JsonElement e, string name) =>
        e.GetProperty(name).ValueKind == JsonValueKind.Array ? e.GetProperty(name).EnumerateArray().Select(v => v.GetString() ?? string.Empty).ToArray() : [];

    private static double? Number(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Number ? e.GetProperty(name).GetDouble() : null;

    private static int? Int(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Number ? e.GetProperty(name).GetInt32() : null;
}

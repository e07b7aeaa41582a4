using System.Text;

namespace MusicDl.Library;

/// <summary>
/// The <c>.lrc</c> file beside an audio file (<c>lyrics: lrc|both</c>): same name, <c>.lrc</c> extension. It follows
/// its audio: written atomically next to it, moved, linked/copied and deleted with it, so a template change, a
/// collision number or a prune never leaves one behind or apart.
/// </summary>
public static class LyricsSidecar
{
    public const string Extension = ".lrc";

    public static string PathFor(string audioPath) => Path.ChangeExtension(audioPath, Extension);

    /// <summary>Writes (or replaces) the sidecar of <paramref name="audioPath"/> through a hidden temporary file.</summary>
    public static async Task WriteAsync(string audioPath, string lrcText, CancellationToken cancellationToken)
    {
        var target = PathFor(audioPath);
        if (Output.NamedFile.WriteProblem(target) is { } problem)
        {
            // A device, FIFO, folder or symlink where the sidecar goes is not ours to replace.
            throw new IOException($"cannot write lyrics to '{target}': it {problem}");
        }

        var temp = Path.Combine(Path.GetDirectoryName(target)!, ".musicdl-" + Guid.NewGuid().ToString("N") + ".lrc.part");
        try
        {
            var text = lrcText.EndsWith('\n') ? lrcText : lrcText + "\n";
            await File.WriteAllTextAsync(temp, text, new UTF8Encoding(false), cancellationToken);
            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Whether the sidecar already holds exactly <paramref name="lrcText"/> (so nothing is written).</summary>
    public static bool Holds(string audioPath, string lrcText)
    {
        var target = PathFor(audioPath);
        var text = lrcText.EndsWith('\n') ? lrcText : lrcText + "\n";
        return Output.NamedFile.KindOf(target, followLinks: false) == Output.PathKind.Regular && File.ReadAllText(target) == text;
    }

    public static void Move(string fromAudio, string toAudio)
    {
        var from = PathFor(fromAudio);
        if (File.Exists(from) && !string.Equals(from, PathFor(toAudio), StringComparison.Ordinal))
        {
            File.Move(from, PathFor(toAudio), overwrite: true);
        }
    }

    public static void Copy(string fromAudio, string toAudio)
    {
        var from = PathFor(fromAudio);
        if (File.Exists(from) && !string.Equals(from, PathFor(toAudio), StringComparison.Ordinal))
        {
            File.Copy(from, PathFor(toAudio), overwrite: true);
        }
    }

    /// <summary>Deletes the sidecar of a deleted audio file unless another format of the track still shares it.</summary>
    public static void DeleteIfAlone(string audioPath)
    {
        var folder = Path.GetDirectoryName(audioPath);
        var stem = Path.GetFileNameWithoutExtension(audioPath);
        if (folder is null || !Directory.Exists(folder))
        {
            return;
        }

        var others = Directory.EnumerateFiles(folder, stem + ".*")
            .Any(f => Path.GetFileNameWithoutExtension(f) == stem && !f.EndsWith(Extension, StringComparison.OrdinalIgnoreCase) && f != audioPath);
        if (!others)
        {
            TryDelete(PathFor(audioPath));
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A sidecar that cannot go now is harmless; the audio's state is what counts.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

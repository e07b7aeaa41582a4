namespace MusicDl.Library;

/// <summary>
/// The library's hidden temporary files: every placement is written under one in its final folder, flushed, then
/// renamed into place, so a reader never sees a half-written file and a crash leaves only names the state lists.
/// </summary>
internal static class TempFiles
{
    private const string Prefix = ".musicdl-";
    private const string Suffix = ".part";

    /// <summary>A new, unique temporary path in <paramref name="folder"/> (the file is not created).</summary>
    public static string NewPath(string folder) => Path.Combine(folder, Prefix + Guid.NewGuid().ToString("N") + Suffix);

    /// <summary>Flushes <paramref name="tempPath"/> to disk, then renames it onto <paramref name="finalPath"/> (replacing a file there).</summary>
    public static async Task FlushAndMoveAsync(string tempPath, string finalPath)
    {
        await using (var stream = new FileStream(tempPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            stream.Flush(flushToDisk: true);
        }

        File.Move(tempPath, finalPath, overwrite: true);
    }

    // A producer may keep intermediate files (the raw download) at "<temp>.<anything>"; the random temp name makes
    // them ours beyond doubt, so they go with it.
    public static List<string> DeleteWithDerived(string tempPath)
    {
        var deleted = new List<string>();
        var folder = Path.GetDirectoryName(tempPath)!;
        if (File.Exists(tempPath))
        {
            File.Delete(tempPath);
            deleted.Add(tempPath);
        }

        if (Directory.Exists(folder))
        {
            foreach (var derived in Directory.EnumerateFiles(folder, Path.GetFileName(tempPath) + ".*"))
            {
                File.Delete(derived);
                deleted.Add(derived);
            }
        }

        return deleted;
    }
}

using System.Globalization;
using System.Security.Cryptography;

namespace MusicDl.Tests.Library;

/// <summary>
/// Every folder and file beneath a root with its size, modification time and content hash: two snapshots are equal
/// only when nothing was created, deleted, written or touched.
/// </summary>
public static class FolderSnapshot
{
    /// <summary>One line per entry, sorted; empty when <paramref name="root"/> does not exist.</summary>
    public static IReadOnlyList<string> Take(string root)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        var lines = new List<string>();
        foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, entry.FullName);
            var mtime = entry.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture);
            lines.Add(entry is FileInfo file
                ? $"{relative} {file.Length} {mtime} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file.FullName)))}"
                : $"{relative}{Path.DirectorySeparatorChar} {mtime}");
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}

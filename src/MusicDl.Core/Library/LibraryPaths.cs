namespace MusicDl.Library;

/// <summary>Joins relative library paths to the library folder and refuses anything that would land outside it.</summary>
public static class LibraryPaths
{
    /// <summary>The absolute path of <paramref name="relativePath"/> beneath <paramref name="root"/>; throws when it escapes.</summary>
    public static string Resolve(string root, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(relativePath);
        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        if (Path.IsPathRooted(relativePath))
        {
            throw new InvalidOperationException($"The library path '{relativePath}' is absolute; it must stay beneath '{fullRoot}'.");
        }

        var full = Path.GetFullPath(Path.Combine(fullRoot, relativePath.Replace('/', Path.DirectorySeparatorChar)));
        if (!full.StartsWith(fullRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The library path '{relativePath}' leaves the library folder '{fullRoot}'.");
        }

        return full;
    }

    /// <summary>The '/'-separated path of <paramref name="fullPath"/> relative to <paramref name="root"/>.</summary>
    public static string ToRelative(string root, string fullPath) =>
        Path.GetRelativePath(Path.GetFullPath(root), Path.GetFullPath(fullPath)).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>The key that treats paths differing only in letter case as one (the library may be on a case-insensitive disk).</summary>
    public static string CaseKey(string relativePath) =>
        relativePath.Normalize(System.Text.NormalizationForm.FormC).ToUpperInvariant();

    /// <summary>"a/b/name.mp3" with suffix " (2)" -> "a/b/name (2).mp3".</summary>
    public static string WithSuffix(string relativePath, int number)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        if (number <= 1)
        {
            return relativePath;
        }

        var slash = relativePath.LastIndexOf('/');
        var dot = relativePath.LastIndexOf('.');
        var suffix = $" ({number})";
        return dot > slash + 1 ? relativePath[..dot] + suffix + relativePath[dot..] : relativePath + suffix;
    }
}

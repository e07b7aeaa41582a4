namespace MusicDl.Audio;

/// <summary>
/// Finds an external tool: the configured path (a file, or a folder holding it) first, then the folders of
/// <c>pathVariable</c>: the host's PATH, passed in (Core never reads the process environment; null searches nothing).
/// </summary>
internal static class ExecutableLocator
{
    public static string? Find(string name, string? configuredPath, string? pathVariable)
    {
        var fileName = OperatingSystem.IsWindows() ? name + ".exe" : name;
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            // An explicit setting is never silently replaced by another copy on PATH.
            if (Directory.Exists(configuredPath))
            {
                var inside = Path.Combine(configuredPath, fileName);
                return IsExecutable(inside) ? inside : null;
            }

            return IsExecutable(configuredPath) ? Path.GetFullPath(configuredPath) : null;
        }

        var path = pathVariable ?? string.Empty;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var candidate = Path.Combine(dir, fileName);
            if (IsExecutable(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool IsExecutable(string file)
    {
        if (!File.Exists(file))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(file) & anyExecute) != 0;
    }
}

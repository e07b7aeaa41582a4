namespace MusicDl.Caching;

/// <summary>Where the cache file lives by default: the platform's per-user cache folder.</summary>
public static class CachePaths
{
    public const string FileName = "cache.db";

    /// <summary>$XDG_CACHE_HOME/musicdl/cache.db (else ~/.cache/musicdl), %LOCALAPPDATA%\musicdl\cache.db on Windows.</summary>
    /// <remarks><paramref name="environment"/> is the host's (Core never reads the process environment).</remarks>
    public static string DefaultFile(Func<string, string?> environment, bool windows)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string root;
        if (windows)
        {
            root = environment("LOCALAPPDATA") is { Length: > 0 } local
                ? local
                : Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        }
        else if (environment("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg))
        {
            // The XDG spec says a relative value is invalid and must be ignored.
            root = xdg;
        }
        else
        {
            var home = environment("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            root = Path.Combine(home, ".cache");
        }

        return Path.Combine(root, "musicdl", FileName);
    }
}

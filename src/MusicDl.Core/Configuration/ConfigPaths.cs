namespace MusicDl.Configuration;

/// <summary>
/// The platform folder for the config file and the home folder, read from an injected environment so tests
/// (and the harness's sandbox) control them: XDG on Linux and macOS, %APPDATA% on Windows. (The cache's
/// default file is the cache layer's business.)
/// </summary>
public sealed class ConfigPaths(IReadOnlyDictionary<string, string> environment, bool isWindows)
{
    public const string ConfigVariable = "MUSICDL_CONFIG";
    public const string AppFolder = "musicdl";
    public const string ConfigFileName = "config.yaml";

    public bool IsWindows { get; } = isWindows;

    /// <summary>The home folder: $HOME (or %USERPROFILE% on Windows), else the process's own.</summary>
    public string Home =>
        Variable(IsWindows ? "USERPROFILE" : "HOME") ?? Variable("HOME")
        ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    /// <summary>Where the config is looked for when neither --config nor $MUSICDL_CONFIG names one.</summary>
    public string DefaultConfigFile =>
        Path.Combine(IsWindows ? Variable("APPDATA") ?? Path.Combine(Home, "AppData", "Roaming") : XdgFolder("XDG_CONFIG_HOME", ".config"),
            AppFolder, ConfigFileName);

    /// <summary>Expands a leading <c>~</c> (as the shell would) so configs written for the original app keep working.</summary>
    public string ExpandHome(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == "~")
        {
            return Home;
        }

        return path.StartsWith("~/", StringComparison.Ordinal) || path.StartsWith("~\\", StringComparison.Ordinal)
            ? Path.Combine(Home, path[2..])
            : path;
    }

    internal string? Variable(string name) =>
        environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    // The XDG spec says a relative value is invalid and must be ignored.
    private string XdgFolder(string variable, string fallback) =>
        Variable(variable) is { } value && Path.IsPathRooted(value) ? value : Path.Combine(Home, fallback);
}

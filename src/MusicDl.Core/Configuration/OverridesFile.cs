namespace MusicDl.Configuration;

/// <summary>
/// The review loop's file: a top-level <c>overrides:</c> map (Spotify track -> video id or <c>skip</c>), merged
/// over the config's own <c>overrides:</c>. A bad entry is a <see cref="ConfigException"/> naming file and line.
/// </summary>
public static class OverridesFile
{
    /// <summary>Reads the file's overrides; a missing or unreadable file is a <see cref="ConfigException"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Output.NamedFile.ReadProblem(path) is { } problem)
        {
            // A FIFO would block the read, /dev/zero never end it: only a regular file is read.
            throw new ConfigException($"overrides file '{path}' {problem}");
        }

        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"cannot read overrides file '{path}': {e.Message}", e);
        }

        var reader = new ConfigFileReader(path, new ConfigPaths(new Dictionary<string, string>(), OperatingSystem.IsWindows()));
        reader.ReadOverridesOnly(text);
        return reader.Settings.Overrides;
    }

    /// <summary>
    /// <paramref name="settings"/> with the overrides of <paramref name="path"/> (default: its <c>overrides_file</c>)
    /// merged over its own; the file's entry wins for a track both name.
    /// </summary>
    public static async Task<MusicDlSettings> ApplyAsync(MusicDlSettings settings, string? path = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        path ??= settings.OverridesFile;
        if (path is null)
        {
            return settings;
        }

        var merged = new Dictionary<string, string>(settings.Overrides, StringComparer.Ordinal);
        foreach (var (track, target) in await ReadAsync(path, cancellationToken))
        {
            merged[track] = target;
        }

        return settings with { Overrides = merged, OverridesFile = path };
    }
}

namespace MusicDl.Configuration;

/// <summary>
/// The result of loading: settings (defaults, file, environment applied; the CLI applies its options on top
/// with <c>with { ... }</c>), the file and how it was found, the sources of its lists, warnings (unknown keys)
/// and informational notes.
/// </summary>
public sealed record LoadedConfig(
    MusicDlSettings Settings,
    string? Path,
    IReadOnlyList<ConfigSource> Sources,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Notes)
{
    public ConfigOrigin Origin { get; init; } = ConfigOrigin.None;

    /// <summary>Where each key's value came from, by config key (<c>threads</c>) or <c>endpoints.spotify_api</c>; absent = default.</summary>
    public IReadOnlyDictionary<string, SettingOrigin> SettingOrigins { get; init; } = new Dictionary<string, SettingOrigin>();

    /// <summary>The config's <c>version</c>, if given.</summary>
    public string? Version { get; init; }

    public SettingOrigin OriginOf(string key) => SettingOrigins.GetValueOrDefault(key) ?? SettingOrigin.Default;
}

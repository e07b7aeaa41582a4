namespace MusicDl.Configuration;

/// <summary>The config file to read (null when none was found) and how it was found.</summary>
public sealed record ConfigLocation(string? Path, ConfigOrigin Origin)
{
    public static ConfigLocation None { get; } = new(null, ConfigOrigin.None);

    /// <summary>For messages: <c>/home/u/.config/musicdl/config.yaml (default location)</c>.</summary>
    public string Describe() => Origin switch
    {
        ConfigOrigin.None => "none (defaults)",
        ConfigOrigin.CommandLine => $"{Path} (--config)",
        ConfigOrigin.EnvironmentVariable => $"{Path} ({ConfigPaths.ConfigVariable})",
        _ => $"{Path} (default location)",
    };
}

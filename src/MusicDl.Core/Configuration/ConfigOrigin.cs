namespace MusicDl.Configuration;

/// <summary>How the config file was found.</summary>
public enum ConfigOrigin
{
    /// <summary>No file: defaults (and environment) only.</summary>
    None,

    /// <summary>--config or the positional CONFIG argument.</summary>
    CommandLine,

    /// <summary>$MUSICDL_CONFIG.</summary>
    EnvironmentVariable,

    /// <summary>The platform default ($XDG_CONFIG_HOME/musicdl/config.yaml, %APPDATA%\musicdl\config.yaml).</summary>
    DefaultLocation,
}

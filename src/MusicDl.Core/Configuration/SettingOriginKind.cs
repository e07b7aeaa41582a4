namespace MusicDl.Configuration;

/// <summary>Which layer a setting's effective value comes from (command line > environment > file > defaults).</summary>
public enum SettingOriginKind
{
    Default,
    File,
    Environment,
    CommandLine,
}

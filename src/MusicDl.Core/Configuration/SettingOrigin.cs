namespace MusicDl.Configuration;

/// <summary>Where one setting came from: the layer, and the file line or variable name.</summary>
public sealed record SettingOrigin(SettingOriginKind Kind, string? Detail = null)
{
    public static SettingOrigin Default { get; } = new(SettingOriginKind.Default);

    public static SettingOrigin CommandLine { get; } = new(SettingOriginKind.CommandLine);

    public override string ToString() => Kind switch
    {
        SettingOriginKind.Default => "default",
        SettingOriginKind.File => $"file, line {Detail}",
        SettingOriginKind.Environment => $"environment {Detail}",
        _ => "command line",
    };
}

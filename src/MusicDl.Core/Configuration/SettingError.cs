namespace MusicDl.Configuration;

/// <summary>One invalid setting: its config key (<c>threads</c>) and what is wrong (<c>must be between 1 and 64 (got 0)</c>).</summary>
public sealed record SettingError(string Key, string Message)
{
    public override string ToString() => $"{Key}: {Message}";
}

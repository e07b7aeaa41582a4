namespace MusicDl.Configuration;

/// <summary>
/// One key under <c>download:</c>: how its YAML value lands in <see cref="MusicDlSettings"/> and how the effective
/// value is shown by <c>config check</c> (secrets already masked, so no raw-secret rendering exists).
/// </summary>
internal sealed record ConfigKey(
    string Name,
    Func<MusicDlSettings, ConfigNode, MusicDlSettings> Read,
    Func<MusicDlSettings, string> Render)
{
    /// <summary>Other names the original app or older configs use for this key.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Accepted for compatibility (the original app's <c>plan_*</c> flags) but without effect.</summary>
    public bool WithoutEffect { get; init; }
}

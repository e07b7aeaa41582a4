namespace MusicDl.Audio;

/// <summary>ffmpeg is needed for a conversion and cannot be found; the message says how to install it (the CLI exits 3).</summary>
public sealed class FfmpegNotFoundException : Exception
{
    public FfmpegNotFoundException()
        : this(null)
    {
    }

    public FfmpegNotFoundException(string? configuredPath)
        : base(BuildMessage(configuredPath))
    {
        ConfiguredPath = configuredPath;
    }

    public FfmpegNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? ConfiguredPath { get; }

    private static string BuildMessage(string? configuredPath) =>
        (string.IsNullOrWhiteSpace(configuredPath)
            ? "ffmpeg was not found on PATH"
            : $"ffmpeg was not found at ffmpeg_path '{configuredPath}'")
        + "; install it (apt install ffmpeg / brew install ffmpeg / winget install ffmpeg) or set ffmpeg_path in the config.";
}

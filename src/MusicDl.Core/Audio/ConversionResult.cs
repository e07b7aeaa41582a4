namespace MusicDl.Audio;

/// <summary>A finished conversion: the file written, the plan used (whether the stream was copied, any note) and ffmpeg's arguments.</summary>
public sealed record ConversionResult(string OutputPath, ConversionPlan Plan, IReadOnlyList<string> Arguments)
{
    /// <summary>The source as the plan saw it (completed by ffprobe when the download did not say).</summary>
    public SourceAudio? Source { get; init; }

    /// <summary>The audio's loudness when the conversion measured it (null when not asked, or when ffmpeg logged no summary).</summary>
    public Loudness? Loudness { get; init; }
}

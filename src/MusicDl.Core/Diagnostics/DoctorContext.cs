namespace MusicDl.Diagnostics;

/// <summary>Where the doctor looks besides the settings: the process's surroundings, injectable for tests.</summary>
public sealed record DoctorContext
{
    /// <summary>The folder of the saved Spotify login (beside the config file).</summary>
    public required string LoginDirectory { get; init; }

    /// <summary>The cache file when <c>cache_file</c> is not set (the platform cache folder).</summary>
    public required string DefaultCacheFile { get; init; }

    /// <summary>PATH to search for ffmpeg, yt-dlp, deno and node; null: the process's.</summary>
    public string? PathVariable { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The HTTP handler; null: a fresh one that follows no redirects.</summary>
    public HttpMessageHandler? Handler { get; init; }
}

using MusicDl.Audio;

namespace MusicDl.YouTube.Download;

/// <summary>A whole downloaded file: its path (the caller's), size, what it holds and how it came (client name or "yt-dlp").</summary>
public sealed record DownloadedAudio(string Path, long Bytes, SourceAudio Source, string Via)
{
    /// <summary>The itag downloaded natively; null through yt-dlp.</summary>
    public int? Itag { get; init; }
}

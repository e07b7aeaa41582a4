using MusicDl.Configuration;
using MusicDl.Models;

namespace MusicDl.Downloading;

/// <summary>What a run is asked to do.</summary>
public sealed record DownloadRequest(IReadOnlyList<SpotifySource> Sources, MusicDlSettings Settings, RunMode Mode = RunMode.Download)
{
    /// <summary>How long running tracks get to finish or clean up after an interrupt before they are cancelled.</summary>
    public TimeSpan InterruptGrace { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>A second interrupt: running tracks are cancelled at once (their temporary files still removed, the state written).</summary>
    public CancellationToken Immediate { get; init; }
}

using MusicDl.Configuration;
using MusicDl.Models;

namespace MusicDl.Downloading;

/// <summary>What a run is asked to do.</summary>
public sealed record DownloadRequest(IReadOnlyList<SpotifySource> Sources, MusicDlSettings Settings, RunMode Mode = RunMode.Download)
{
    /// <summary>How long running tracks get to finish or clean up after an interrupt before they are cancelled.</summary>
    public TimeSpan InterruptGrace { get; init; } = TimeSpan.FromSeconds(3);
}

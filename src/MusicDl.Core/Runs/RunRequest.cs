using MusicDl.Configuration;
using MusicDl.Downloading;
using MusicDl.Models;

namespace MusicDl.Runs;

/// <summary>What <c>download</c>, <c>sync</c> and <c>match</c> ask of Core: the sources, the effective settings and the mode.</summary>
public sealed record RunRequest(IReadOnlyList<SpotifySource> Sources, MusicDlSettings Settings, RunMode Mode)
{
    /// <summary>How long to wait for the library lock held by another run (<see cref="Timeout.InfiniteTimeSpan"/>: no limit).</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// <c>sync --prune</c>: the playlists and albums among <see cref="Sources"/> that were read this run lose the files
    /// of tracks they no longer list.
    /// </summary>
    public bool Prune { get; init; }

    /// <summary>The config file the settings came from, named when the Spotify credentials are missing.</summary>
    public string? ConfigPath { get; init; }

    /// <summary>
    /// <c>--review FILE</c>: after the run, write the tracks not found or matched below <c>review_threshold</c> there,
    /// each with its best candidates and a commented ready entry (see <see cref="Output.ReviewFile"/>).
    /// </summary>
    public string? ReviewFile { get; init; }

    /// <summary><c>match --explain</c>: each track's line carries its scored candidates.</summary>
    public bool Explain { get; init; }
}

namespace MusicDl.Models;

/// <summary>A source read from Spotify: its name, its version (playlist snapshot) and its entries in order.</summary>
public sealed record ResolvedSource(SpotifySource Source, string Name, IReadOnlyList<SourceEntry> Entries)
{
    public string? SnapshotId { get; init; }

    /// <summary>
    /// The entries may stop short of the source's end (a public playlist page lists at most 100): nothing is pruned
    /// for such a source, since what is not listed may still be in it.
    /// </summary>
    public bool MayBeCut { get; init; }
}

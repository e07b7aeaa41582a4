namespace MusicDl.Models;

/// <summary>A source read from Spotify: its name, its version (playlist snapshot) and its entries in order.</summary>
public sealed record ResolvedSource(SpotifySource Source, string Name, IReadOnlyList<SourceEntry> Entries)
{
    public string? SnapshotId { get; init; }
}

namespace MusicDl.Spotify.Wire;

/// <summary>
/// A full or simplified track, or an episode (same envelope, <see cref="Type"/> "episode").
/// Simplified tracks (album pages) have no album and no external ids.
/// </summary>
internal sealed record WireTrack
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? Type { get; init; }

    public IReadOnlyList<WireArtist>? Artists { get; init; }

    public WireAlbum? Album { get; init; }

    public int TrackNumber { get; init; }

    public int DiscNumber { get; init; } = 1;

    public int DurationMs { get; init; }

    public bool Explicit { get; init; }

    public WireExternalIds? ExternalIds { get; init; }

    public bool IsLocal { get; init; }

    /// <summary>Only present when a market was given; null means unknown (treated as playable).</summary>
    public bool? IsPlayable { get; init; }
}

namespace MusicDl.Spotify.Wire;

/// <summary>Playlist metadata; <see cref="Items"/> (2026) or <see cref="Tracks"/> (older) hold the first page when not filtered out.</summary>
internal sealed record WirePlaylist
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? SnapshotId { get; init; }

    public WireOwner? Owner { get; init; }

    public WirePaging<WirePlaylistItem>? Items { get; init; }

    public WirePaging<WirePlaylistItem>? Tracks { get; init; }
}

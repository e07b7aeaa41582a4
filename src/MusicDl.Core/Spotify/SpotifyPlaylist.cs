using MusicDl.Models;

namespace MusicDl.Spotify;

/// <summary>A playlist as read for one snapshot: every entry in playlist order.</summary>
public sealed record SpotifyPlaylist(string Id, string Name, string SnapshotId, string? OwnerId, IReadOnlyList<SourceEntry> Entries);

using MusicDl.Models;

namespace MusicDl.Spotify;

/// <summary>All Liked Songs (newest first, as Spotify lists them) with what identifies this state of the list.</summary>
public sealed record SpotifyLikedSongs(int Total, DateTimeOffset? NewestAddedAt, IReadOnlyList<SourceEntry> Entries);

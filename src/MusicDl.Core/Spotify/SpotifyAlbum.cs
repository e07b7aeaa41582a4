using MusicDl.Models;

namespace MusicDl.Spotify;

/// <summary>An album and all its tracks (every page read), in album order.</summary>
public sealed record SpotifyAlbum(AlbumInfo Info, IReadOnlyList<SourceEntry> Tracks);

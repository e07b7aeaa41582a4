namespace MusicDl.Models;

/// <summary>What a Spotify source names.</summary>
public enum SourceKind
{
    Track,
    Album,
    Playlist,
    Artist,

    /// <summary>The logged-in user's Liked Songs (open.spotify.com/collection/tracks, or "saved").</summary>
    LikedSongs,

    /// <summary>A short link (spotify.link, link.tospotify.com, open.spotify.com/s/...) that must be resolved by following its redirect.</summary>
    ShortLink,
}

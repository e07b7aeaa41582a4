using MusicDl.Models;

namespace MusicDl.Spotify;

/// <summary>The single reads a source is resolved from; the cache decorator keeps each under its own key.</summary>
internal interface ISpotifyCatalog
{
    /// <summary>The market sent with market-dependent reads: the configured one, else from_token (user login), else US.</summary>
    string Market { get; }

    /// <summary>
    /// The full track (with ISRC) as entry 1 of a source: unsupported, with the track kept, when it is not
    /// playable in the market.
    /// </summary>
    Task<SourceEntry> GetTrackAsync(string id, CancellationToken cancellationToken);

    Task<SpotifyAlbum> GetAlbumAsync(string id, CancellationToken cancellationToken);

    /// <summary>The album without its track list (the decorator may answer it from the cache alone).</summary>
    Task<AlbumInfo> GetAlbumInfoAsync(string id, CancellationToken cancellationToken);

    Task<SpotifyArtist> GetArtistAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Whether Spotify has been seen to leave <c>genres</c> out of artist objects (2026 Development Mode): then asking
    /// an artist for genres fills no tag and only brings the run closer to a 429.
    /// </summary>
    Task<bool> ArtistGenresWithheldAsync(CancellationToken cancellationToken);

    /// <summary>The artist's albums and singles (no compilations, no appears-on), every page.</summary>
    Task<IReadOnlyList<string>> GetArtistAlbumIdsAsync(string id, CancellationToken cancellationToken);

    /// <summary>One request: <c>GET /playlists/{id}?fields=snapshot_id</c>.</summary>
    Task<string> GetPlaylistSnapshotAsync(string id, CancellationToken cancellationToken);

    Task<SpotifyPlaylist> GetPlaylistAsync(string id, CancellationToken cancellationToken);

    /// <summary>One request: the first page of /me/tracks (login needed).</summary>
    Task<SavedTracksPage> GetSavedTracksFirstPageAsync(CancellationToken cancellationToken);

    /// <summary>The pages after <paramref name="first"/>, joined to it.</summary>
    Task<SpotifyLikedSongs> GetSavedTracksRestAsync(SavedTracksPage first, CancellationToken cancellationToken);

    Task<SpotifyLikedSongs> GetLikedSongsAsync(CancellationToken cancellationToken);

    /// <summary>Follows a short link's redirects to the open.spotify.com source it names.</summary>
    Task<SpotifySource> ResolveShortLinkAsync(string link, CancellationToken cancellationToken);
}

namespace MusicDl.Spotify;

/// <summary>The keys of the <c>spotify</c> and <c>tokens</c> cache regions (documented in docs/spotify.md).</summary>
internal static class SpotifyCacheKeys
{
    public static string Track(string id, string market) => $"track:{id}:{market}";

    public static string Album(string id) => $"album:{id}";

    /// <summary>With the market: is_playable of each track depends on it.</summary>
    public static string AlbumTracks(string id, string market) => $"album_tracks:{id}:{market}";

    public static string Artist(string id) => $"artist:{id}";

    /// <summary>Set once an artist answer came without a <c>genres</c> field (not per artist: the app's mode decides).</summary>
    public const string ArtistGenresWithheld = "artist_genres_withheld";

    public static string ArtistAlbums(string id, string market) => $"artist_albums:{id}:{market}";

    /// <summary>A playlist's entries as <see cref="CachedPlaylist"/> (each album once).</summary>
    public static string Playlist(string id, string snapshotId, string market) => $"playlist2:{id}:{snapshotId}:{market}";

    /// <summary>The first shape, a full album per track (<see cref="SpotifyPlaylist"/>): still read, never written.</summary>
    public static string PlaylistV1(string id, string snapshotId, string market) => $"playlist:{id}:{snapshotId}:{market}";

    public static string LikedSongs(string market) => $"liked_songs:{market}";

    public static string ClientCredentialsToken(string clientId) => $"spotify_client_credentials:{clientId}";
}

namespace MusicDl.Configuration;

/// <summary>How a run reads Spotify (config key <c>spotify_access</c>, <c>--spotify-access</c>; docs/spotify.md).</summary>
public enum SpotifyAccess
{
    /// <summary>
    /// The Web API when credentials or a login exist, else the public pages; and a playlist the Web API refuses
    /// (403 not owned, 404 Spotify-made) from its public page.
    /// </summary>
    Auto,

    /// <summary>Only the Web API: credentials required.</summary>
    Api,

    /// <summary>Only the public embed pages: no credentials needed or used.</summary>
    Public,
}

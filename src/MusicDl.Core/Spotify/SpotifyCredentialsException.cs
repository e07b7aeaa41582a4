namespace MusicDl.Spotify;

/// <summary>The accounts service rejected the client credentials or the saved login (or none are set).</summary>
public sealed class SpotifyCredentialsException : SpotifyCannotProceedException
{
    public SpotifyCredentialsException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

namespace MusicDl.Spotify;

/// <summary>Base of every error the Spotify client raises; messages are one line and never hold secrets.</summary>
public abstract class SpotifyException : Exception
{
    protected SpotifyException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

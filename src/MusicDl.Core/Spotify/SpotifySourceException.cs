namespace MusicDl.Spotify;

/// <summary>
/// One source cannot be read (403, 404, login needed); the run goes on with the other sources.
/// The message says why and what helps.
/// </summary>
public sealed class SpotifySourceException : SpotifyException
{
    public SpotifySourceException(string message, int? status = null, Exception? inner = null)
        : base(message, inner)
    {
        Status = status;
    }

    /// <summary>The HTTP status Spotify answered, if any.</summary>
    public int? Status { get; }
}

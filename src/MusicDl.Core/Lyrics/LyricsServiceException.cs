namespace MusicDl.Lyrics;

/// <summary>LRCLIB could not answer (timeout, 5xx, refused connection, an answer that is not its JSON): the service's fault, not the song's.</summary>
public sealed class LyricsServiceException : Exception
{
    public LyricsServiceException()
    {
    }

    public LyricsServiceException(string message)
        : base(message)
    {
    }

    public LyricsServiceException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

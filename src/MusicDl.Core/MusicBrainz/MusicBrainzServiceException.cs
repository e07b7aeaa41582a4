namespace MusicDl.MusicBrainz;

/// <summary>MusicBrainz could not answer (timeout, 5xx, still 503 after waiting, an answer that is not its JSON): the service's fault.</summary>
public sealed class MusicBrainzServiceException : Exception
{
    public MusicBrainzServiceException()
    {
    }

    public MusicBrainzServiceException(string message)
        : base(message)
    {
    }

    public MusicBrainzServiceException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

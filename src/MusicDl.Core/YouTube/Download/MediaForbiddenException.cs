namespace MusicDl.YouTube.Download;

/// <summary>HTTP 403 on a media URL: the client's streams are refused (says nothing about the track; never retried).</summary>
public sealed class MediaForbiddenException : Exception
{
    public MediaForbiddenException()
        : base("YouTube answered 403 Forbidden on the media stream.")
    {
    }

    public MediaForbiddenException(string message)
        : base(message)
    {
    }

    public MediaForbiddenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

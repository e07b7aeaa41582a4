using System.Net;
using MusicDl.Http;

namespace MusicDl.YouTube.Download;

/// <summary>HTTP 403 on a media URL: the client's streams are refused (says nothing about the track; never retried).</summary>
public sealed class MediaForbiddenException : ServiceException
{
    public MediaForbiddenException()
        : this("YouTube answered 403 Forbidden on the media stream.")
    {
    }

    public MediaForbiddenException(string message)
        : base("YouTube media", ServiceFailureKind.Rejected, message, status: HttpStatusCode.Forbidden)
    {
    }

    public MediaForbiddenException(string message, Exception innerException)
        : base("YouTube media", ServiceFailureKind.Rejected, message, innerException, HttpStatusCode.Forbidden)
    {
    }
}

using MusicDl.Http;

namespace MusicDl.YouTube.Download;

/// <summary>The stream ended with another length than its contentLength promised: unparseable (never retried: it would repeat).</summary>
public sealed class DownloadLengthMismatchException : ServiceException
{
    public DownloadLengthMismatchException()
        : this("the media stream ended with another length than it announced")
    {
    }

    public DownloadLengthMismatchException(string message)
        : base("YouTube media", ServiceFailureKind.Unparseable, message)
    {
    }

    public DownloadLengthMismatchException(string message, Exception innerException)
        : base("YouTube media", ServiceFailureKind.Unparseable, message, innerException)
    {
    }

    public DownloadLengthMismatchException(long expected, long received)
        : base("YouTube media", ServiceFailureKind.Unparseable, $"the media stream delivered {received} bytes but announced {expected}")
    {
        Expected = expected;
        Received = received;
    }

    public long Expected { get; }

    public long Received { get; }
}

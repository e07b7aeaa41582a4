namespace MusicDl.YouTube.Download;

/// <summary>The stream ended with another length than its contentLength promised (never retried: it would repeat).</summary>
public sealed class DownloadLengthMismatchException : Exception
{
    public DownloadLengthMismatchException()
    {
    }

    public DownloadLengthMismatchException(string message)
        : base(message)
    {
    }

    public DownloadLengthMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DownloadLengthMismatchException(long expected, long received)
        : base($"the media stream delivered {received} bytes but announced {expected}")
    {
        Expected = expected;
        Received = received;
    }

    public long Expected { get; }

    public long Received { get; }
}

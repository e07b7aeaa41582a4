namespace MusicDl.YouTube.Download;

/// <summary>yt-dlp exited with an error or wrote no file; the message carries its last error line.</summary>
public sealed class YtDlpFailedException : Exception
{
    public YtDlpFailedException()
    {
    }

    public YtDlpFailedException(string message)
        : base(message)
    {
    }

    public YtDlpFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

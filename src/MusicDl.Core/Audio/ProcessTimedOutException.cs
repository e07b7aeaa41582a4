namespace MusicDl.Audio;

/// <summary>ffmpeg, ffprobe or yt-dlp passed its time limit and was killed: the machine's trouble, not the track's.</summary>
public sealed class ProcessTimedOutException : TimeoutException
{
    public ProcessTimedOutException()
    {
    }

    public ProcessTimedOutException(string message)
        : base(message)
    {
    }

    public ProcessTimedOutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace MusicDl.Audio;

/// <summary>ffmpeg ran and failed; the message carries its last error line.</summary>
public sealed class ConversionFailedException : Exception
{
    public ConversionFailedException()
    {
    }

    public ConversionFailedException(string message)
        : base(message)
    {
    }

    public ConversionFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace MusicDl.Downloading;

/// <summary>One source could not be read (403, 404, network); the others go on and the run exits 1.</summary>
public class SourceUnavailableException : Exception
{
    public SourceUnavailableException(string message)
        : base(message)
    {
    }

    public SourceUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SourceUnavailableException()
    {
    }

    /// <summary>
    /// The service's fault, not the source's (a public page of another shape): when every source fails this way the
    /// run cannot proceed (exit 3).
    /// </summary>
    public bool NotTheSources { get; init; }
}

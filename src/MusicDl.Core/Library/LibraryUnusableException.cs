namespace MusicDl.Library;

/// <summary>
/// The output folder cannot hold a library: it is a file, a kernel file system, read-only, or a placement in it failed.
/// Not any track's fault, so the run stops (exit 3) rather than fail every track in turn.
/// </summary>
public sealed class LibraryUnusableException : Exception
{
    public LibraryUnusableException()
    {
    }

    public LibraryUnusableException(string message)
        : base(message)
    {
    }

    public LibraryUnusableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

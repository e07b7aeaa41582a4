namespace MusicDl.Library;

/// <summary>Another musicdl run holds the library lock. The CLI maps this to exit code 3.</summary>
public sealed class LibraryLockedException : Exception
{
    public LibraryLockedException()
    {
    }

    public LibraryLockedException(string message)
        : base(message)
    {
    }

    public LibraryLockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LibraryLockedException(string directory, int? pid, Exception? innerException = null)
        : base($"another musicdl run (pid {(pid is { } p ? p.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unknown")}) is using {directory}", innerException)
    {
        Directory = directory;
        Pid = pid;
    }

    public string? Directory { get; }

    /// <summary>The holder's process id, when it could be read.</summary>
    public int? Pid { get; }
}

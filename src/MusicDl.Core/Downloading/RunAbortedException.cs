namespace MusicDl.Downloading;

/// <summary>
/// A failure that is not any one track's (credentials rejected, every stream refused, a bot check on every client,
/// disk full, a rate-limit wait over the cap): the run stops early, exit 3, with a message saying what to do.
/// </summary>
public class RunAbortedException : Exception
{
    public RunAbortedException(string message)
        : base(message)
    {
    }

    public RunAbortedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RunAbortedException()
    {
    }
}

namespace MusicDl.Http;

/// <summary>
/// A request passed <c>request_timeout</c> (no headers, or a body that did not finish in time). Not the track's fault:
/// retried like a 5xx, and counted toward the run's systemic stop when the retries are spent.
/// </summary>
public sealed class RequestTimedOutException : HttpRequestException
{
    public RequestTimedOutException()
    {
    }

    public RequestTimedOutException(string message)
        : base(message)
    {
    }

    public RequestTimedOutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

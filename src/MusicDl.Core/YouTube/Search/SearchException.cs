using System.Net;

namespace MusicDl.YouTube.Search;

/// <summary>
/// A search failed. <see cref="IsTransient"/> errors (5xx, 429, 403, bot checks, dropped connections)
/// say nothing about the track: callers retry them and never cache them as "not found".
/// </summary>
public sealed class SearchException : Exception
{
    public SearchException()
    {
    }

    public SearchException(string message)
        : base(message)
    {
    }

    public SearchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SearchException(string message, HttpStatusCode? status, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        IsTransient = isTransient;
    }

    public HttpStatusCode? Status { get; }

    public bool IsTransient { get; }
}

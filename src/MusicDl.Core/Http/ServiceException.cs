using System.Net;

namespace MusicDl.Http;

/// <summary>
/// The one failure a service's request comes back as, above the edge: which service, and what kind of failure
/// (<see cref="ServiceFailureKind"/>). Messages are one line, say what to do where there is something to do, and
/// never hold a secret. A few services keep a subclass for what only they carry (YouTube's session limit, a media
/// 403, a length mismatch), but every caller can decide on <see cref="Service"/> and <see cref="Kind"/> alone.
/// </summary>
public class ServiceException : Exception
{
    public ServiceException(string service, ServiceFailureKind kind, string message, Exception? innerException = null, HttpStatusCode? status = null, TimeSpan? retryAfter = null)
        : base(message, innerException)
    {
        Service = service;
        Kind = kind;
        Status = status;
        RetryAfter = retryAfter;
    }

    /// <summary>As the user knows it: "Spotify", "YouTube Music search", "LRCLIB".</summary>
    public string Service { get; }

    public ServiceFailureKind Kind { get; }

    /// <summary>The HTTP status the service answered, when the failure is an answer.</summary>
    public HttpStatusCode? Status { get; }

    /// <summary>The path asked for (no query, no host), when the failure is a request's.</summary>
    public string? Target { get; init; }

    /// <summary>The wait the service asked for (Retry-After), when it asked.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>What in the service's answer showed the failure (the words of YouTube's session limit), when one did.</summary>
    public string? Evidence { get; init; }

    /// <summary>
    /// True when the failure says nothing about what was asked (the network's or the service's fault): never cached as
    /// an answer, asked again later, counted toward the run's stop when it repeats.
    /// </summary>
    public bool IsTransient => Kind is not (ServiceFailureKind.Rejected or ServiceFailureKind.Unauthorized);
}

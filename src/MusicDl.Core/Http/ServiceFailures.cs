using System.Net;
using System.Net.Sockets;

namespace MusicDl.Http;

/// <summary>The edge's translation of what .NET raises for a request into a <see cref="ServiceFailureKind"/>.</summary>
public static class ServiceFailures
{
    /// <summary>The kind of failure a transport exception stands for (refused, DNS, timeout, a broken body).</summary>
    public static ServiceFailureKind KindOf(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case ServiceException s:
                    return s.Kind;
                case BodyTooLargeException:
                    return ServiceFailureKind.Unparseable;
                case RequestTimedOutException or TimeoutException:
                    return ServiceFailureKind.Timeout;
                case HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }:
                    return ServiceFailureKind.Unreachable;
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NoData
                    or SocketError.TryAgain or SocketError.HostUnreachable or SocketError.NetworkUnreachable }:
                    return ServiceFailureKind.Unreachable;
                case HttpRequestException { StatusCode: HttpStatusCode.TooManyRequests }:
                    return ServiceFailureKind.RateLimited;
                case HttpRequestException { StatusCode: { } status } when (int)status >= 500:
                    return ServiceFailureKind.ServerError;
                case HttpRequestException { StatusCode: not null }:
                    return ServiceFailureKind.Rejected;
            }
        }

        // An HttpClient's own Timeout surfaces as a cancellation the caller did not ask for; a connection reset or a
        // body cut short as an HttpRequestException / IOException without a status.
        return exception is OperationCanceledException ? ServiceFailureKind.Timeout : ServiceFailureKind.ConnectionLost;
    }

    /// <summary>The kind of a status that is not an answer: 429 rate-limited, 5xx server error, any other rejected.</summary>
    public static ServiceFailureKind KindOf(HttpStatusCode status) =>
        status == HttpStatusCode.TooManyRequests ? ServiceFailureKind.RateLimited
        : (int)status >= 500 ? ServiceFailureKind.ServerError
        : ServiceFailureKind.Rejected;

    /// <summary>
    /// The wait a 429 or 503 asks for (Retry-After as seconds or as a date, counted from <paramref name="time"/>'s
    /// now), or null when it names none. The one parser of that header.
    /// </summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(time);
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta > TimeSpan.Zero ? delta : TimeSpan.Zero;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}

namespace MusicDl.Http;

/// <summary>What a failed request says about its service: the one vocabulary every service's failures are told in.</summary>
public enum ServiceFailureKind
{
    /// <summary>Connection refused, no such host, no route: nothing answers there at all.</summary>
    Unreachable,

    /// <summary>A connection that broke, or an answer cut short: something answers, but not whole.</summary>
    ConnectionLost,

    /// <summary>No answer (or no whole answer) within <c>request_timeout</c>.</summary>
    Timeout,

    /// <summary>HTTP 429 (or the service's own "slow down") still standing after the waits allowed.</summary>
    RateLimited,

    /// <summary>An HTTP 5xx still standing after the retries allowed.</summary>
    ServerError,

    /// <summary>The service refused this request (a 4xx it does not explain otherwise): the request's or the item's fault, not the network's.</summary>
    Rejected,

    /// <summary>An answer that is not what the service documents (not its JSON, a wrong type, a page of a new shape, too large).</summary>
    Unparseable,

    /// <summary>YouTube limited this session (a captcha, "try again later"): no further call helps for about an hour.</summary>
    SessionLimit,

    /// <summary>
    /// The service does not accept who is asking (client credentials or a login missing, refused or damaged): no request
    /// can succeed until the user fixes them, so nothing further works in this run.
    /// </summary>
    Unauthorized,
}

using System.Net;

namespace MusicDl.Http;

/// <summary>
/// The one place that builds an <see cref="HttpClient"/>: pooled connections behind a <see cref="RequestTimeoutHandler"/>
/// (<c>request_timeout</c> bounds every request's headers and body), automatic decompression, and a body buffer
/// bound. The composition root builds the run's clients here once; the doctor and <c>auth</c> build theirs here too.
/// What each service adds (retries, pacing, health, the failure it becomes) is its <see cref="ServiceEdge"/>.
/// </summary>
public static class OutboundHttp
{
    // A current desktop browser; clients that need another (player contexts, open services) set their own per request.
    private const string UserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    /// <param name="requestTimeout">The deadline of each request (<c>request_timeout</c>).</param>
    /// <param name="maxConnectionsPerServer">Connections kept per host.</param>
    /// <param name="time">The run's clock (the deadline runs on it).</param>
    /// <param name="inner">A handler to send through instead of sockets (tests); not disposed with the client.</param>
    /// <param name="followRedirects">
    /// False for a client that must never wander to another host with its credentials (Spotify: short links are
    /// followed by hand).
    /// </param>
    public static HttpClient Create(TimeSpan requestTimeout, int maxConnectionsPerServer, TimeProvider? time = null, HttpMessageHandler? inner = null, bool followRedirects = true)
    {
        var ownsInner = inner is null;
        inner ??= new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            AllowAutoRedirect = followRedirects,
            MaxConnectionsPerServer = Math.Max(1, maxConnectionsPerServer),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = requestTimeout,
        };
        var timeout = new RequestTimeoutHandler(requestTimeout, time, ownsInner ? inner : new NotDisposing(inner));
        var http = new HttpClient(timeout)
        {
            // The handler bounds each request; HttpClient's own timeout would also cut media bodies that are still flowing.
            Timeout = Timeout.InfiniteTimeSpan,

            // No answer but media is larger than a few MB; media is read as a stream and bounded by its own length.
            MaxResponseContentBufferSize = 32L * 1024 * 1024,
        };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        return http;
    }

    // A test's handler outlives the clients built on it.
    private sealed class NotDisposing(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override void Dispose(bool disposing)
        {
            // The inner handler belongs to whoever passed it in.
        }
    }
}

using System.Net;

namespace MusicDl.Http;

/// <summary>
/// The run's one <see cref="HttpClient"/> for YouTube (search, player, media), cover art and every service added
/// later (lyrics, MusicBrainz): pooled connections behind a <see cref="RequestTimeoutHandler"/>, so no request made
/// through it can wait for ever.
/// </summary>
public static class SharedHttpClient
{
    // A current desktop browser; clients that need another (player contexts) set their own per request.
    private const string UserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    public static HttpClient Create(TimeSpan requestTimeout, int maxConnectionsPerServer, TimeProvider? time = null, HttpMessageHandler? inner = null)
    {
        inner ??= new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            MaxConnectionsPerServer = Math.Max(1, maxConnectionsPerServer),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = requestTimeout,
        };
        var http = new HttpClient(new RequestTimeoutHandler(requestTimeout, time, inner))
        {
            // The handler bounds each request; HttpClient's own timeout would also cut media bodies that are still flowing.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        return http;
    }
}

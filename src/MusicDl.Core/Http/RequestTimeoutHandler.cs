namespace MusicDl.Http;

/// <summary>
/// Bounds every request sent through it by one deadline (<c>request_timeout</c>): the answer's headers and, unless
/// the request is marked <see cref="HeadersOnly"/> (media, whose body has its own stall timeout), its whole body.
/// A request past its deadline fails with <see cref="RequestTimedOutException"/>, an <see cref="HttpRequestException"/>
/// without a status, so every client's existing "retry like a 5xx" path handles it. One handler for the whole run:
/// every client on the shared <see cref="HttpClient"/> is bounded without knowing it.
/// </summary>
public sealed class RequestTimeoutHandler : DelegatingHandler
{
    /// <summary>Set on a request whose body is read under its own stall timeout: only its headers are bounded here.</summary>
    public static readonly HttpRequestOptionsKey<bool> HeadersOnly = new("musicdl.request-timeout.headers-only");

    private readonly TimeProvider _time;

    public RequestTimeoutHandler(TimeSpan timeout, TimeProvider? time = null, HttpMessageHandler? inner = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        Timeout = timeout;
        _time = time ?? TimeProvider.System;
        if (inner is not null)
        {
            InnerHandler = inner;
        }
    }

    public TimeSpan Timeout { get; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var deadline = new CancellationTokenSource(Timeout, _time);
        var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var keep = false;
        try
        {
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new RequestTimedOutException(Describe(request, Timeout, "no answer"), ex);
            }

            if (request.Options.TryGetValue(HeadersOnly, out var headersOnly) && headersOnly)
            {
                return response;
            }

            // The body stays under the same deadline: a server that sends headers and then stalls is no better than one that never answers.
            response.Content = new DeadlineContent(response.Content, deadline, linked, Describe(request, Timeout, "the answer stalled"));
            keep = true;
            return response;
        }
        finally
        {
            if (!keep)
            {
                linked.Dispose();
                deadline.Dispose();
            }
        }
    }

    private static string Describe(HttpRequestMessage request, TimeSpan timeout, string what) =>
        $"{request.RequestUri?.Host ?? "the service"} gave {what} within request_timeout ({timeout.TotalSeconds:0.#} s)";
}

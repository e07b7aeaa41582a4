using System.Net;
using Polly;

namespace MusicDl.Http;

/// <summary>What a call through a <see cref="ServiceEdge"/> expects besides a 2xx.</summary>
public sealed record EdgeCall
{
    /// <summary>The default: a 2xx is the answer, a 404 too ("none"), any other status a failure.</summary>
    public static readonly EdgeCall Default = new();

    /// <summary>Statuses besides 2xx that are answers the caller reads (a 404 "none", a 401 that renews a token).</summary>
    public IReadOnlyCollection<HttpStatusCode> Answers { get; init; } = [HttpStatusCode.NotFound];

    /// <summary>Every 4xx but 429 is the caller's to read (Spotify says per status what a source or a login lacks).</summary>
    public bool ClientErrorsAreAnswers { get; init; }

    /// <summary>Every status is the caller's to read (a redirect it follows by hand); only transport failures are the edge's.</summary>
    public bool AnyStatus { get; init; }

    /// <summary>Returned at the headers: the caller reads the body (still under <c>request_timeout</c> unless <see cref="OwnBodyTimeout"/>).</summary>
    public bool Streamed { get; init; }

    /// <summary>The body is read under the caller's own stall timeout (media): <c>request_timeout</c> bounds the headers only.</summary>
    public bool OwnBodyTimeout { get; init; }

    /// <summary>The most a body may hold when the edge reads it whole.</summary>
    public long BodyLimit { get; init; } = BoundedBody.JsonLimit;
}

/// <summary>
/// One service's outbound edge: every request to it passes here and only here. In order: its health (an optional
/// service that is down is not asked), its pacing (<see cref="RequestPacer"/>), the request (through the run's
/// <see cref="HttpClient"/> from <see cref="OutboundHttp"/>, bounded by <c>request_timeout</c>), its retries (its
/// <see cref="RetryPlan"/>, waiting what a Retry-After asks within the plan's cap) and the translation of every
/// failure into a <see cref="ServiceException"/> naming the service and the kind. Adapters above it see answers
/// and that one exception. Thread-safe; built once per service per run in the composition root.
/// </summary>
public sealed class ServiceEdge
{
    // A shorter bound than request_timeout for the requests of one async flow (a probe that decides whether a
    // service is worth a backlog). Flows with the call like ServiceHealth's backlog mark.
    private static readonly AsyncLocal<TimeSpan?> Patience = new();

    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly RetryPlan _retry;
    private readonly RequestPacer? _pacer;
    private readonly bool _rateLimitEndsSession;
    private readonly Func<ServiceException, bool> _retryOn;
    private readonly Action? _gate;
    private long _requests;

    /// <param name="service">As the user knows it: "LRCLIB", "MusicBrainz", "Spotify".</param>
    /// <param name="http">The run's client (<see cref="OutboundHttp"/>).</param>
    /// <param name="time">The run's clock (back-off, Retry-After dates).</param>
    /// <param name="retry">How failures are tried again; none when null.</param>
    /// <param name="pacer">The service's pacing; a Retry-After holds every caller of it, not only the one refused.</param>
    /// <param name="health">The run's record of an optional service; null for a required one (the run's stop rule covers those).</param>
    /// <param name="retryOn">Which failures are tried again (default: the transient ones, <see cref="ServiceException.IsTransient"/>, but unparseable answers and a session limit).</param>
    /// <param name="rateLimitEndsSession">A 429 from this service limits the whole session (YouTube): never waited out.</param>
    /// <param name="gate">Called after pacing, before each request is sent: throws to send nothing (a session YouTube has limited).</param>
    public ServiceEdge(
        string service,
        HttpClient http,
        TimeProvider time,
        RetryPlan? retry = null,
        RequestPacer? pacer = null,
        ServiceHealth? health = null,
        Func<ServiceException, bool>? retryOn = null,
        bool rateLimitEndsSession = false,
        Action? gate = null)
    {
        Service = service;
        _http = http;
        _time = time;
        _retry = retry ?? RetryPlan.None;
        _pacer = pacer;
        Health = health;
        _rateLimitEndsSession = rateLimitEndsSession;
        _gate = gate;
        _retryOn = retryOn ?? (e => e.IsTransient && e.Kind is not (ServiceFailureKind.Unparseable or ServiceFailureKind.SessionLimit));
    }

    public string Service { get; }

    public ServiceHealth? Health { get; }

    /// <summary>Requests sent, retries included (for the run summary and the tests).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>
    /// Sends the request <paramref name="create"/> makes (made again for each retry) and returns the answer: a 2xx or
    /// a status <paramref name="call"/> names. Everything else is a <see cref="ServiceException"/>: a transport failure
    /// or a 5xx after the retries, a 429 after the waits allowed, any other status at once (rejected). The caller
    /// disposes the answer; with a health record it reports the answer's verdict (<see cref="Succeeded"/> or
    /// <see cref="Fail"/>), or uses <see cref="ReadAsync{T}"/>, which does.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create, CancellationToken cancellationToken, EdgeCall? call = null)
    {
        ArgumentNullException.ThrowIfNull(create);
        call ??= EdgeCall.Default;
        using var ticket = await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Retrying<HttpResponseMessage>().ExecuteAsync(ct => new ValueTask<HttpResponseMessage>(SendOnceAsync(create, call, ct)), cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceException ex)
        {
            Health?.Failed(ex.Kind, Reason(ex));
            throw;
        }
    }

    /// <summary>
    /// The whole exchange for an answer read whole: sends (as <see cref="SendAsync"/>), reads the body within
    /// <see cref="EdgeCall.BodyLimit"/>, and hands status and body to <paramref name="read"/>. A body cut short, too
    /// large or that <paramref name="read"/> cannot make sense of (it throws a JSON, format or type error) is a
    /// <see cref="ServiceException"/> of its kind; the health record hears the verdict.
    /// </summary>
    public async Task<T> ReadAsync<T>(Func<HttpRequestMessage> create, Func<HttpStatusCode, byte[], T> read, CancellationToken cancellationToken, EdgeCall? call = null)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(read);
        call ??= EdgeCall.Default;
        using var ticket = await EnterAsync(cancellationToken).ConfigureAwait(false);
        HttpStatusCode status;
        byte[] body;
        try
        {
            // A body that breaks is tried again like a request that did: one count covers both.
            (status, body) = await Retrying<(HttpStatusCode, byte[])>().ExecuteAsync(
                async ct =>
                {
                    using var response = await SendOnceAsync(create, call, ct).ConfigureAwait(false);
                    try
                    {
                        return (response.StatusCode, await BoundedBody.ReadAsync(response.Content, call.BodyLimit, ct).ConfigureAwait(false));
                    }
                    catch (Exception ex) when (Transport(ex, ct))
                    {
                        throw Translate(ex, response.RequestMessage?.RequestUri?.AbsolutePath);
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceException ex)
        {
            Health?.Failed(ex.Kind, Reason(ex));
            throw;
        }

        T value;
        try
        {
            value = read(status, body);
        }
        catch (ServiceException ex)
        {
            Health?.Failed(ex.Kind, Reason(ex));
            throw;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or FormatException or KeyNotFoundException or OverflowException)
        {
            // A value of the wrong type (a number where text is due, a list where a record is): unparseable.
            throw Fail(ServiceFailureKind.Unparseable, $"{Service}'s answer is not the JSON it documents: {ex.Message}", ex, status);
        }

        Health?.Succeeded();
        return value;
    }

    /// <summary>The service answered (a "none found" included): its health record hears it.</summary>
    public void Succeeded() => Health?.Succeeded();

    /// <summary>
    /// Until the scope is disposed, a request sent on this async flow that has no answer within
    /// <paramref name="patience"/> fails as a timeout (before <c>request_timeout</c>, when that is longer).
    /// </summary>
    public static IDisposable WithPatience(TimeSpan patience)
    {
        var previous = Patience.Value;
        Patience.Value = patience;
        return new DisposeAction(() => Patience.Value = previous);
    }

    // What the health record keeps as the reason (for the run's one line): the transport's own words when a transport
    // failure is wrapped ("Connection refused (127.0.0.1:9)"), else the failure's message.
    private static string Reason(ServiceException failure) =>
        failure.InnerException is HttpRequestException or IOException or TimeoutException ? failure.InnerException.Message : failure.Message;

    /// <summary>A failure the caller found in an answer: its health record hears it; throw what comes back.</summary>
    public ServiceException Fail(ServiceFailureKind kind, string message, Exception? inner = null, HttpStatusCode? status = null, TimeSpan? retryAfter = null)
    {
        Health?.Failed(kind, message);
        return new ServiceException(Service, kind, message, inner, status, retryAfter);
    }

    // An optional service that is down is not asked: the caller gets its failure at once.
    private async ValueTask<IDisposable?> EnterAsync(CancellationToken cancellationToken) =>
        Health is null ? null
        : await Health.EnterAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new ServiceException(Service, ServiceFailureKind.Unreachable, $"{Service} is not asked again in this run (it is down)");

    private ResiliencePipeline<T> Retrying<T>() => _retry.Build<T>(
        _time,
        outcome => outcome.Exception is ServiceException failure
            && _retryOn(failure)
            && !(failure.Kind == ServiceFailureKind.RateLimited && failure.RetryAfter > _retry.MaxDelay),
        outcome => outcome.Exception is ServiceException { RetryAfter: { } wait } ? (wait < _retry.MaxDelay ? wait : _retry.MaxDelay) : null);

    private async Task<HttpResponseMessage> SendOnceAsync(Func<HttpRequestMessage> create, EdgeCall call, CancellationToken cancellationToken)
    {
        if (_pacer is not null)
        {
            await _pacer.AcquireAsync(cancellationToken).ConfigureAwait(false);
        }

        _gate?.Invoke();
        using var request = create();
        var target = request.RequestUri?.AbsolutePath;
        if (call.OwnBodyTimeout)
        {
            request.Options.Set(RequestTimeoutHandler.HeadersOnly, true);
        }

        Interlocked.Increment(ref _requests);
        HttpResponseMessage response;
        var bound = Patience.Value;
        using var patience = bound is { } b ? new CancellationTokenSource(b, _time) : null;
        using var linked = patience is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, patience.Token);
        try
        {
            response = await _http.SendAsync(request, call.Streamed ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead, linked?.Token ?? cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (patience?.IsCancellationRequested == true && !cancellationToken.IsCancellationRequested)
        {
            throw new ServiceException(Service, ServiceFailureKind.Timeout, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Service} gave no answer within {bound!.Value.TotalSeconds:0.#} s ({target})"), ex) { Target = target };
        }
        catch (Exception ex) when (Transport(ex, cancellationToken))
        {
            throw Translate(ex, target);
        }

        if (IsAnswer(response, call))
        {
            return response;
        }

        using (response)
        {
            throw Refusal(response, target);
        }
    }

    private static bool IsAnswer(HttpResponseMessage response, EdgeCall call)
    {
        var status = (int)response.StatusCode;
        return response.IsSuccessStatusCode
            || call.AnyStatus
            || call.Answers.Contains(response.StatusCode)
            || (call.ClientErrorsAreAnswers && status is >= 400 and < 500 && response.StatusCode != HttpStatusCode.TooManyRequests);
    }

    private ServiceException Refusal(HttpResponseMessage response, string? target)
    {
        var status = response.StatusCode;
        var what = $"{Service} answered HTTP {(int)status} {response.ReasonPhrase} for {target}";
        if (status == HttpStatusCode.TooManyRequests && _rateLimitEndsSession)
        {
            return new ServiceException(Service, ServiceFailureKind.SessionLimit, what, status: status) { Target = target };
        }

        // A 429's or a 503's wait holds every caller; one beyond the plan's cap is not waited (see Retrying): the run
        // says how long the service asked for.
        var wait = ServiceFailures.RetryAfter(response, _time);
        HoldEveryCaller(wait);
        return new ServiceException(Service, ServiceFailures.KindOf(status), what, status: status, retryAfter: wait) { Target = target };
    }

    // A "slow down" is the client's, not one request's: every caller holds, so parallel tracks do not keep drawing
    // refusals during the wait.
    private void HoldEveryCaller(TimeSpan? wait)
    {
        if (wait is { } hold && hold > TimeSpan.Zero && hold <= _retry.MaxDelay && _pacer is not null)
        {
            _pacer.Defer(hold);
        }
    }

    private ServiceException Translate(Exception ex, string? target)
    {
        var kind = ServiceFailures.KindOf(ex);
        var what = kind switch
        {
            ServiceFailureKind.Timeout => $"{Service} did not answer in time ({target}): {ex.Message}",
            ServiceFailureKind.Unreachable => $"{Service} could not be reached ({target}): {ex.Message}",
            ServiceFailureKind.Unparseable => $"{Service}'s answer is refused ({target}): {ex.Message}",
            _ => $"The connection to {Service} broke ({target}): {ex.Message}",
        };
        return new ServiceException(Service, kind, what, ex) { Target = target };
    }

    // A failure of the transport, not the caller's cancellation.
    private static bool Transport(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or IOException or TimeoutException or BodyTooLargeException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}

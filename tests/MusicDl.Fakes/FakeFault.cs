namespace MusicDl.Fakes;

/// <summary>A fault a route applies to its requests, for as many requests as <see cref="Times"/> says.</summary>
public sealed record FakeFault
{
    /// <summary>Answer with this status instead of running the handler.</summary>
    public int? Status { get; init; }

    /// <summary>Sent as Retry-After (seconds) with <see cref="Status"/>.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>Wait this long before answering.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Abort the connection after this many body bytes.</summary>
    public long? CutAfterBytes { get; init; }

    /// <summary>Replace the body with something that is not JSON.</summary>
    public bool MalformedJson { get; init; }

    /// <summary>Answer 200 with this body as JSON instead of running the handler (null, wrong shape, HTML...).</summary>
    public string? Body { get; init; }

    /// <summary>
    /// Answer 200 with valid JSON of at least this many bytes (a long string in one object), streamed in chunks with no
    /// Content-Length, so only a reader that counts what it reads can refuse it: an oversize answer.
    /// </summary>
    public long? OversizeJsonBytes { get; init; }

    /// <summary>Send the headers and this many body bytes, then stall until the client gives up.</summary>
    public long? StallAfterBytes { get; init; }

    /// <summary>Accept the request and never answer (until the client gives up): a black-holed service.</summary>
    public bool BlackHole { get; init; }

    /// <summary>How many requests the fault applies to; then it is spent.</summary>
    public int Times { get; init; } = int.MaxValue;

    /// <summary>Apply only from this (1-based) request of the route on.</summary>
    public int FromRequest { get; init; } = 1;
}

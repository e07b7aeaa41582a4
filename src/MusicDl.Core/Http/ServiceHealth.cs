namespace MusicDl.Http;

/// <summary>
/// The run's verdict on one optional service (cover art, LRCLIB, MusicBrainz): the one place that decides when the run
/// stops asking it. After <see cref="FailureLimit"/> failures in a row, one unreachable failure (refused, DNS), or a
/// failed retry of the previous run's backlog while the service has not answered in this run, it is down: no further
/// request until the run ends, and the run prints one line for it (<see cref="Report"/>). Built once per run in the
/// composition root; thread-safe.
/// <para>
/// Until the service has answered in this run, and again after any failure, its requests go one at a time: a
/// black-holed service then costs the run at most <see cref="FailureLimit"/> requests, not one per thread. Requests
/// already in flight when it goes down end by themselves (at <c>request_timeout</c>).
/// </para>
/// </summary>
public sealed class ServiceHealth
{
    /// <summary>Failures in a row after which the run stops asking.</summary>
    public const int FailureLimit = 3;

    // The parts of the file being re-tagged that a previous run could not fetch. Flows with the async call down to the
    // client, across the cache decorator and the facades, which have no reason to know about it.
    private static readonly AsyncLocal<IReadOnlyCollection<string>?> Backlog = new();

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly Lock _gate = new();
    private bool _answered;
    private int _failuresInARow;
    private int _failures;
    private int _skipped;
    private volatile bool _down;
    private ServiceFailureKind _downKind;
    private bool _downOnBacklog;
    private string? _lastReason;

    /// <param name="service">As the user knows it: "LRCLIB", "MusicBrainz", "Cover art".</param>
    /// <param name="part">The <c>FileParts</c> name of what it gives a file ("lyrics", "musicbrainz", "cover").</param>
    /// <param name="what">What a track goes without while it is down, for the run's line ("lyrics", "covers").</param>
    public ServiceHealth(string service, string part, string what)
    {
        Service = service;
        Part = part;
        What = what;
    }

    public string Service { get; }

    public string Part { get; }

    public string What { get; }

    /// <summary>True once the run has stopped asking.</summary>
    public bool IsDown => _down;

    /// <summary>Tracks that went without this service's part.</summary>
    public int Skipped => Volatile.Read(ref _skipped);

    /// <summary>Requests that failed.</summary>
    public int Failures => Volatile.Read(ref _failures);

    /// <summary>Whether the current call re-tags a file that lacks this service's part since an earlier run.</summary>
    private bool RetryingBacklog => Backlog.Value?.Contains(Part) == true;

    /// <summary>
    /// Marks the calls made until the scope is disposed (on this async flow) as retries of the previous run's
    /// backlog for <paramref name="missingParts"/>: a service that fails one while it has not answered in this run is
    /// down at once, so a backlog costs a down service one request.
    /// </summary>
    public static IDisposable RetryingBacklogOf(IReadOnlyCollection<string> missingParts)
    {
        var previous = Backlog.Value;
        Backlog.Value = missingParts;
        return new DisposeAction(() => Backlog.Value = previous);
    }

    /// <summary>
    /// Waits for the right to send one request: null when the service is down (send nothing). Dispose the ticket when
    /// the request has ended, after <see cref="Succeeded"/> or <see cref="Failed(ServiceFailureKind, string)"/>.
    /// </summary>
    public async ValueTask<IDisposable?> EnterAsync(CancellationToken cancellationToken)
    {
        if (_down)
        {
            return null;
        }

        if (Trusted)
        {
            return DisposeAction.Nothing;
        }

        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (_down)
        {
            _oneAtATime.Release();
            return null;
        }

        if (Trusted)
        {
            // It answered while this request waited: no reason to hold the others back.
            _oneAtATime.Release();
            return DisposeAction.Nothing;
        }

        return new DisposeAction(() => _oneAtATime.Release());
    }

    /// <summary>The service answered (a "none found" included).</summary>
    public void Succeeded()
    {
        lock (_gate)
        {
            _answered = true;
            _failuresInARow = 0;
        }
    }

    /// <summary>A request failed: classified by <see cref="ServiceFailures.KindOf"/>.</summary>
    public void Failed(Exception exception, string reason) => Failed(ServiceFailures.KindOf(exception), reason);

    /// <summary>A request failed for <paramref name="reason"/> (for the run's line).</summary>
    public void Failed(ServiceFailureKind kind, string reason)
    {
        lock (_gate)
        {
            _failures++;
            _lastReason = reason;
            if (_down)
            {
                return;
            }

            _failuresInARow++;
            var backlog = RetryingBacklog && !_answered;
            if (kind == ServiceFailureKind.Unreachable || _failuresInARow >= FailureLimit || backlog)
            {
                _downKind = kind;
                _downOnBacklog = backlog && kind != ServiceFailureKind.Unreachable && _failuresInARow < FailureLimit;
                _down = true;
            }
        }
    }

    /// <summary>A track goes without this service's part (its file is recorded incomplete).</summary>
    public void Skip() => Interlocked.Increment(ref _skipped);

    /// <summary>
    /// The run's one line about this service, or null when no track went without it, e.g. "LRCLIB could not be
    /// reached (Connection refused (127.0.0.1:9)): lyrics skipped for 98 tracks; a later run adds them".
    /// </summary>
    public string? Report()
    {
        var skipped = Skipped;
        if (skipped == 0)
        {
            return null;
        }

        string why;
        lock (_gate)
        {
            why = !_down ? $"{Service} failed {Plural(_failures, "time")} (the last: {_lastReason})"
                : _downKind == ServiceFailureKind.Unreachable ? $"{Service} could not be reached ({_lastReason})"
                : _downOnBacklog ? $"{Service} is still down ({_lastReason})"
                : $"{Service} failed {FailureLimit} times in a row (the last: {_lastReason})";
        }

        return $"{why}: {What} skipped for {Plural(skipped, "track")}; a later run adds them";
    }

    private bool Trusted
    {
        get
        {
            lock (_gate)
            {
                return _answered && _failuresInARow == 0;
            }
        }
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}

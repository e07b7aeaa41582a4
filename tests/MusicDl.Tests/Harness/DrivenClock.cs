using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;

namespace MusicDl.Tests.Harness;

/// <summary>
/// The clock of an in-process run against the fakes (<see cref="MusicDlSandbox.Clock"/>): time moves only as the run's
/// own timers say, never with the real clock, so a loaded machine cannot turn a slow answer into a timeout and a test
/// never sits out a real wait. Two kinds of timer, told apart by what they fire:
/// <list type="bullet">
/// <item>A <b>wait</b> (<c>Task.Delay</c> on the clock: back-off, Retry-After, pacing, pre-roll ads, lock and state
/// polls) fires at once, in due order: the clock jumps to its due time. Firing a wait is never wrong, only early in
/// real time, as on a fast machine.</item>
/// <item>A <b>deadline</b> (a <see cref="CancellationTokenSource"/> on the clock: request_timeout, a probe's patience,
/// the doctor's bound) fires only when what it bounds can provably never finish by itself: a fake holding the request
/// it guards forever (a black hole, <see cref="Holding"/>). Then the earliest live deadline of that request's flow
/// fires, as it would first on a real clock. A deadline the jumps of waits left overdue does not fire: to the run that
/// is a timer firing late, as on a loaded machine, and its request still gets its answer.</item>
/// </list>
/// A held request is known by the <c>traceparent</c> header HttpClient adds when an activity listener listens
/// (<see cref="Listen"/>): the listener, running in the request's flow, notes which deadlines that flow holds.
/// </summary>
public sealed class DrivenClock : TimeProvider
{
    // The deadlines created in this async flow (a value set in the synchronous CreateTimer flows on to the callee's
    // remainder and every request it sends).
    private static readonly AsyncLocal<ImmutableStack<Timer>?> FlowDeadlines = new();
    private static readonly ConcurrentDictionary<string, ImmutableStack<Timer>> Requests = new(StringComparer.Ordinal);
    private static readonly Lazy<ActivityListener> Listener = new(StartListening);

    private readonly Lock _gate = new();
    private readonly DateTimeOffset _start;
    private readonly List<Timer> _waits = [];
    private TimeSpan _elapsed;

    /// <param name="start">The clock's reading when made; the system's now when not given (the date the run sees, as before).</param>
    public DrivenClock(DateTimeOffset? start = null)
    {
        _start = start ?? DateTimeOffset.UtcNow;
        _ = Listener.Value;
    }

    /// <summary>How far the clock has moved since it was made.</summary>
    public TimeSpan Elapsed
    {
        get
        {
            lock (_gate)
            {
                return _elapsed;
            }
        }
    }

    /// <summary>Deadlines fired because their request was held.</summary>
    public int DeadlinesFired => Volatile.Read(ref _deadlinesFired);

    private int _deadlinesFired;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _start + _elapsed;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        lock (_gate)
        {
            return _elapsed.Ticks;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new Timer(this, callback, state, isDeadline: state is CancellationTokenSource);
        if (timer.IsDeadline)
        {
            FlowDeadlines.Value = (FlowDeadlines.Value ?? []).Push(timer);
        }

        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>
    /// A fake received a request it will never answer (its <c>traceparent</c> header): the earliest live deadline of
    /// the flow that sent it fires. A request no driven run sent is ignored.
    /// </summary>
    public static void Holding(string? traceparent)
    {
        if (traceparent is null || !Requests.TryGetValue(Key(traceparent), out var deadlines))
        {
            return;
        }

        // Of two due at once, the one set first fires first, as on a real clock.
        var earliest = deadlines.Where(t => t.IsLive).OrderBy(t => t.Due).ThenBy(t => t.Sequence).FirstOrDefault();
        earliest?.Clock.FireDeadline(earliest);
    }

    /// <summary>Starts noting each request's deadlines (done by the first clock; idempotent).</summary>
    public static void Listen() => _ = Listener.Value;

    private static ActivityListener StartListening()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = activity =>
            {
                if (FlowDeadlines.Value is { IsEmpty: false } deadlines)
                {
                    Requests[Key(activity)] = deadlines;
                }
            },
            ActivityStopped = activity => Requests.TryRemove(Key(activity), out _),
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private static string Key(Activity activity) => $"{activity.TraceId.ToHexString()}-{activity.SpanId.ToHexString()}";

    // traceparent: 00-<trace id>-<span id>-<flags>
    private static string Key(string traceparent) => traceparent.Length >= 55 ? traceparent[3..52] : traceparent;

    private void Schedule(Timer timer)
    {
        lock (_gate)
        {
            timer.Due = _elapsed + timer.DueTime;
            if (!timer.IsDeadline)
            {
                _waits.Add(timer);
            }
        }

        if (timer.IsDeadline)
        {
            if (timer.DueTime == TimeSpan.Zero)
            {
                FireDeadline(timer);
            }

            return;
        }

        ThreadPool.UnsafeQueueUserWorkItem(static clock => clock.FireNextWait(), this, preferLocal: false);
    }

    private void FireNextWait()
    {
        Timer? next;
        lock (_gate)
        {
            next = _waits.Where(t => t.IsLive).OrderBy(t => t.Due).ThenBy(t => t.Sequence).FirstOrDefault();
            _waits.RemoveAll(t => !t.IsLive || ReferenceEquals(t, next));
            if (next is null)
            {
                return;
            }

            next.Fired = true;
            if (next.Due > _elapsed)
            {
                _elapsed = next.Due;
            }
        }

        next.Callback(next.State);
    }

    private void FireDeadline(Timer timer)
    {
        lock (_gate)
        {
            if (!timer.IsLive)
            {
                return;
            }

            timer.Fired = true;
            if (timer.Due > _elapsed)
            {
                _elapsed = timer.Due;
            }
        }

        Interlocked.Increment(ref _deadlinesFired);
        ThreadPool.UnsafeQueueUserWorkItem(static t => t.Callback(t.State), timer, preferLocal: false);
    }

    private static long s_sequence;

    private sealed class Timer(DrivenClock clock, TimerCallback callback, object? state, bool isDeadline) : ITimer
    {
        public DrivenClock Clock { get; } = clock;

        public TimerCallback Callback { get; } = callback;

        public object? State { get; } = state;

        public bool IsDeadline { get; } = isDeadline;

        /// <summary>The order timers were created in: of two due at once, the first set fires first.</summary>
        public long Sequence { get; } = Interlocked.Increment(ref s_sequence);

        public TimeSpan DueTime { get; private set; } = Timeout.InfiniteTimeSpan;

        /// <summary>When it fires on the clock (elapsed since the clock's start); guarded by the clock's lock.</summary>
        public TimeSpan Due { get; set; }

        public bool Fired { get; set; }

        public bool Disposed { get; private set; }

        public bool IsLive => !Disposed && !Fired && DueTime != Timeout.InfiniteTimeSpan;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (period != Timeout.InfiniteTimeSpan && period != TimeSpan.Zero)
            {
                throw new NotSupportedException("DrivenClock: periodic timers are not driven");
            }

            lock (Clock._gate)
            {
                if (Disposed)
                {
                    return false;
                }

                Fired = false;
                DueTime = dueTime;
            }

            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                Clock.Schedule(this);
            }

            return true;
        }

        public void Dispose()
        {
            lock (Clock._gate)
            {
                Disposed = true;
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

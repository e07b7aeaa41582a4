using Microsoft.Extensions.Time.Testing;

namespace MusicDl.Tests.TestSupport;

/// <summary>
/// A fake clock that tells when the code under test starts waiting on it: the first timer whose due time matches
/// completes <see cref="Waiting"/>, and <see cref="ArmedAsync"/> completes once a given number of matching timers
/// have been armed. A test awaits those instead of sleeping to let the other side reach its wait.
/// </summary>
public sealed class WatchedTimeProvider : FakeTimeProvider
{
    private readonly Func<TimeSpan, bool> _watched;
    private readonly TaskCompletionSource<TimeSpan> _waiting = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _armed = [];
    private readonly List<(Func<TimeSpan, bool> Match, int Count, TaskCompletionSource Done)> _expected = [];

    public WatchedTimeProvider(Func<TimeSpan, bool> watched) => _watched = watched;

    public WatchedTimeProvider(DateTimeOffset start, Func<TimeSpan, bool> watched)
        : base(start) => _watched = watched;

    /// <summary>Completes with the due time of the first watched timer, once that timer is armed.</summary>
    public Task<TimeSpan> Waiting => _waiting.Task;

    /// <summary>
    /// Completes once <paramref name="count"/> timers matching <paramref name="match"/> (else the watched ones) have
    /// been armed since the clock was made, counting those armed before the call.
    /// </summary>
    public Task ArmedAsync(int count, Func<TimeSpan, bool>? match = null)
    {
        match ??= _watched;
        lock (_gate)
        {
            if (_armed.Count(match) >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _expected.Add((match, count, done));
            return done.Task;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (_watched(dueTime))
        {
            _waiting.TrySetResult(dueTime);
        }

        lock (_gate)
        {
            _armed.Add(dueTime);
            foreach (var expected in _expected.Where(e => _armed.Count(e.Match) >= e.Count).ToList())
            {
                expected.Done.TrySetResult();
                _expected.Remove(expected);
            }
        }

        return timer;
    }
}

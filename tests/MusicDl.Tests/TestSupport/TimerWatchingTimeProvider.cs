using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace MusicDl.Tests.TestSupport;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports every timer the code under test creates (its due time), so a test
/// can wait for the code to start waiting and then move the clock: no real sleep, no guessing.
/// </summary>
internal sealed class TimerWatchingTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public TimerWatchingTimeProvider()
        : base(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>
    /// Timers fire this much before their due time against <see cref="FakeTimeProvider.GetUtcNow"/>, as the system's
    /// fire up to a few ms before the wall-clock time they were set for (they count a coarse 4 ms tick). Reported due
    /// times stay the ones asked for.
    /// </summary>
    public TimeSpan TimersWakeEarlyBy { get; set; }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var early = dueTime != Timeout.InfiniteTimeSpan && dueTime > TimersWakeEarlyBy ? dueTime - TimersWakeEarlyBy : dueTime;
        var timer = base.CreateTimer(callback, state, early, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>Waits (bounded) until the code creates a timer whose due time <paramref name="match"/> accepts; returns it.</summary>
    public async Task<TimeSpan> NextTimerAsync(Func<TimeSpan, bool> match, TimeSpan? within = null, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(within ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var due = await _timers.Reader.ReadAsync(limit.Token);
            if (match(due))
            {
                return due;
            }
        }
    }
}

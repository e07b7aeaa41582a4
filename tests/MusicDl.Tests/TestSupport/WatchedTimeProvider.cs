using Microsoft.Extensions.Time.Testing;

namespace MusicDl.Tests.TestSupport;

/// <summary>
/// A fake clock that tells when the code under test starts waiting on it: the first timer whose due time matches
/// completes <see cref="Waiting"/>. A test awaits that instead of sleeping to let the other side reach its wait.
/// </summary>
public sealed class WatchedTimeProvider(Func<TimeSpan, bool> watched) : FakeTimeProvider
{
    private readonly TaskCompletionSource<TimeSpan> _waiting = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the due time of the first watched timer, once that timer is armed.</summary>
    public Task<TimeSpan> Waiting => _waiting.Task;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (watched(dueTime))
        {
            _waiting.TrySetResult(dueTime);
        }

        return timer;
    }
}

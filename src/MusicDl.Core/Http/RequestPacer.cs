namespace MusicDl.Http;

/// <summary>
/// A sliding-window pacer shared by every thread of a client: at most <c>permits</c> requests start in any
/// <c>window</c>: Spotify's calls under <c>spotify_rate_limit_*</c> (bursts stay under its rolling 30-second
/// limit instead of drawing 429s), the YouTube player under <c>youtube_rate_limit_*</c>, and MusicBrainz at one a
/// second. A service that says "slow down" (MusicBrainz's 503) pushes every next start back with <see cref="Defer"/>.
/// Waits on the given <see cref="TimeProvider"/>, so tests drive it with a fake clock.
/// </summary>
public sealed class RequestPacer
{
    private readonly int _permits;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly Queue<DateTimeOffset> _starts = new();
    private readonly object _gate = new();
    private DateTimeOffset _notBefore = DateTimeOffset.MinValue;

    public RequestPacer(int permits, TimeSpan window, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _permits = permits;
        _window = window;
        _time = time;
    }

    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                while (_starts.Count > 0 && _starts.Peek() + _window <= now)
                {
                    _starts.Dequeue();
                }

                if (now < _notBefore)
                {
                    wait = _notBefore - now;
                }
                else if (_starts.Count < _permits)
                {
                    _starts.Enqueue(now);
                    return;
                }
                else
                {
                    wait = _starts.Peek() + _window - now;
                }
            }

            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// No request starts before <paramref name="delay"/> from now (a service's Retry-After); a later hold already
    /// in force stays. The window still applies after it.
    /// </summary>
    public void Defer(TimeSpan delay)
    {
        lock (_gate)
        {
            var until = _time.GetUtcNow() + (delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
            if (until > _notBefore)
            {
                _notBefore = until;
            }
        }
    }
}

namespace MusicDl.Http;

/// <summary>
/// A sliding-window pacer shared by every thread of a client: at most <c>permits</c> requests start in any
/// <c>window</c>: Spotify's calls under <c>spotify_rate_limit_*</c> (bursts stay under its rolling 30-second
/// limit instead of drawing 429s) and the YouTube player under <c>youtube_rate_limit_*</c>. Waits on the given
/// <see cref="TimeProvider"/>, so tests drive it with a fake clock.
/// </summary>
public sealed class RequestPacer
{
    private readonly int _permits;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly Queue<DateTimeOffset> _starts = new();
    private readonly object _gate = new();

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

                if (_starts.Count < _permits)
                {
                    _starts.Enqueue(now);
                    return;
                }

                wait = _starts.Peek() + _window - now;
            }

            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }
}

namespace MusicDl.MusicBrainz;

/// <summary>
/// Spaces request starts at least <c>interval</c> apart across every thread (MusicBrainz allows one a second per
/// client and answers 503 beyond). A caller may also push the next start back, as a 503 asks.
/// </summary>
internal sealed class RequestPacer(TimeSpan interval, TimeProvider time)
{
    private readonly Lock _gate = new();
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    /// <summary>Waits for this caller's slot and books it.</summary>
    public async ValueTask WaitTurnAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var start = _next > now ? _next : now;
            _next = start + interval;
            wait = start - now;
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>No request starts before <paramref name="delay"/> from now.</summary>
    public void Hold(TimeSpan delay)
    {
        lock (_gate)
        {
            var until = time.GetUtcNow() + delay;
            if (until > _next)
            {
                _next = until;
            }
        }
    }
}

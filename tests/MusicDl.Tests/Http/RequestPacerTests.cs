using Microsoft.Extensions.Time.Testing;
using MusicDl.Http;

namespace MusicDl.Tests.Http;

/// <summary>
/// The one pacer every client shares (Spotify, the YouTube player, MusicBrainz), on a fake clock: nothing here
/// completes unless the clock is moved past the moment it waits for.
/// </summary>
public sealed class RequestPacerTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task One_permit_a_second_starts_each_waiting_caller_a_second_after_the_last()
    {
        var pacer = new RequestPacer(1, Second, _time);
        await pacer.AcquireAsync(CancellationToken.None);

        var second = pacer.AcquireAsync(CancellationToken.None).AsTask();
        _time.Advance(Second - TimeSpan.FromMilliseconds(1));
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(10));

        var third = pacer.AcquireAsync(CancellationToken.None).AsTask();
        Assert.False(third.IsCompleted);
        _time.Advance(Second);
        await third.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Defer_holds_the_next_start_for_its_delay_even_with_room_in_the_window()
    {
        var pacer = new RequestPacer(10, Second, _time);
        await pacer.AcquireAsync(CancellationToken.None);

        pacer.Defer(TimeSpan.FromSeconds(5));
        var next = pacer.AcquireAsync(CancellationToken.None).AsTask();

        _time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(next.IsCompleted, "a start before the deferral ends");
        _time.Advance(TimeSpan.FromSeconds(0.1));
        await next.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_shorter_defer_never_cuts_a_longer_one_short()
    {
        var pacer = new RequestPacer(10, Second, _time);
        pacer.Defer(TimeSpan.FromSeconds(10));
        pacer.Defer(TimeSpan.FromSeconds(2));
        var next = pacer.AcquireAsync(CancellationToken.None).AsTask();

        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.False(next.IsCompleted);
        _time.Advance(Second);
        await next.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task After_a_short_defer_the_window_still_spaces_the_starts()
    {
        var pacer = new RequestPacer(1, Second, _time);
        await pacer.AcquireAsync(CancellationToken.None);
        pacer.Defer(TimeSpan.FromMilliseconds(500));
        var next = pacer.AcquireAsync(CancellationToken.None).AsTask();

        _time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.False(next.IsCompleted, "the deferral is over but the window has no room before a second has passed");
        _time.Advance(TimeSpan.FromMilliseconds(500));
        await next.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_caller_cancelled_while_deferred_stops_waiting()
    {
        var pacer = new RequestPacer(1, Second, _time);
        pacer.Defer(TimeSpan.FromMinutes(1));
        using var cancel = new CancellationTokenSource();
        var next = pacer.AcquireAsync(cancel.Token).AsTask();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}

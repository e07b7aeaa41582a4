using MusicDl.Downloading;
using MusicDl.Fakes;
using MusicDl.Http;
using MusicDl.Output;
using MusicDl.Models;
using MusicDl.Spotify;
using MusicDl.Tests.Harness;
using MusicDl.Tests.TestSupport;

namespace MusicDl.Tests.Spotify;

public sealed class SpotifyRateLimitTests : SpotifyTestBase
{

    private (SpotifySource Source, FakeRoute Route) Track()
    {
        var id = Bed.Spotify.AddGeneratedAlbum(1).Tracks[0].Id;
        return (new SpotifySource(SourceKind.Track, id, id), Bed.Spotify.Route("GET", "/v1/tracks/{id}"));
    }

    [Fact]
    public async Task A_429_within_the_cap_waits_what_Retry_After_says_then_succeeds()
    {
        var (source, route) = Track();
        route.Fail(new FakeFault { Status = 429, RetryAfterSeconds = 30, Times = 1 });
        using var client = Bed.CreateClient();
        var started = Bed.Time.GetUtcNow();

        var resolved = await Bed.DriveAsync(client.ResolveAsync(source, CancellationToken.None), TimeSpan.FromSeconds(1));

        Assert.Single(resolved.Entries);
        Assert.Equal(2, route.Count);
        Assert.True(Bed.Time.GetUtcNow() - started >= TimeSpan.FromSeconds(30), "the client must not ask again before Retry-After");
    }

    [Fact]
    public async Task A_429_beyond_the_cap_stops_at_once_with_the_wait_in_the_message()
    {
        var (source, route) = Track();
        route.Fail(new FakeFault { Status = 429, RetryAfterSeconds = 86400 });
        using var client = Bed.CreateClient();

        var error = await Assert.ThrowsAsync<ServiceException>(() => client.ResolveAsync(source, CancellationToken.None));

        Assert.Equal(("Spotify", ServiceFailureKind.RateLimited), (error.Service, error.Kind));
        Assert.Equal(Fault.CannotProceed, Failures.Classify(error).Fault);
        Assert.Equal(TimeSpan.FromDays(1), error.RetryAfter);
        Assert.Equal(
            "Spotify asks to wait 24 h (86400 s) before the next request (Retry-After), more than the 2 min (120 s) allowed by spotify_retry_max_delay; try again later.",
            error.Message);
        Assert.Equal(1, route.Count);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff_and_then_succeed()
    {
        var (source, route) = Track();
        route.Fail(new FakeFault { Status = 503, Times = 2 });
        using var client = Bed.CreateClient();

        var resolved = await Bed.DriveAsync(client.ResolveAsync(source, CancellationToken.None), TimeSpan.FromMilliseconds(500));

        Assert.Single(resolved.Entries);
        Assert.Equal(3, route.Count);
    }

    [Fact]
    public async Task Server_errors_beyond_the_retries_mean_spotify_is_unavailable()
    {
        var (source, route) = Track();
        route.Fail(new FakeFault { Status = 500 });
        using var client = Bed.CreateClient(Bed.Settings with { SpotifyMaxRetries = 2 });

        var task = client.ResolveAsync(source, CancellationToken.None);
        var error = await Assert.ThrowsAsync<ServiceException>(() => Bed.DriveAsync(task, TimeSpan.FromSeconds(1)));

        Assert.Equal(("Spotify", ServiceFailureKind.ServerError), (error.Service, error.Kind));
        Assert.Equal(3, route.Count);
        Assert.StartsWith("Spotify answered 500 for /v1/tracks/", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_that_times_out_is_retried()
    {
        var (source, route) = Track();
        route.Fail(new FakeFault { BlackHole = true, Times = 1 });

        // request_timeout runs on the client's clock (the shared timeout handler): a driven clock, on which the first
        // request's deadline fires once the fake holds it for good, and the back-off before the retry at once. Nothing
        // moves on the real clock, so the retry's own deadline cannot pass while its answer is on the way.
        var clock = new DrivenClock(Bed.Time.GetUtcNow());
        Bed.Host.OnNeverAnswering = context => DrivenClock.Holding(context.Request.Headers.TraceParent);
        using var client = SpotifyClient.Create(Bed.Settings, Bed.Tokens, metadata: null, Bed.Options with { RequestTimeout = TimeSpan.FromSeconds(1), TimeProvider = clock });

        var resolved = await client.ResolveAsync(source, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Single(resolved.Entries);
        Assert.Equal(2, route.Count);
        Assert.Equal(1, clock.DeadlinesFired);
    }

    [Fact]
    public async Task A_connection_cut_mid_answer_is_retried()
    {
        var (source, route) = Track();
        route.Fail(new FakeFault { CutAfterBytes = 100, Times = 1 });
        using var client = Bed.CreateClient();

        var resolved = await Bed.DriveAsync(client.ResolveAsync(source, CancellationToken.None), TimeSpan.FromSeconds(1));

        Assert.Single(resolved.Entries);
        Assert.Equal(2, route.Count);
    }

    [Fact]
    public async Task A_malformed_answer_is_a_clear_error_not_a_crash()
    {
        var (source, route) = Track();
        route.Fail(new FakeFault { MalformedJson = true, Times = 1 });
        using var client = Bed.CreateClient();

        var error = await Assert.ThrowsAsync<ServiceException>(() => client.ResolveAsync(source, CancellationToken.None));

        Assert.Equal(ServiceFailureKind.Unparseable, error.Kind);
        Assert.Contains("is not the JSON expected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_service_cannot_proceed()
    {
        var (source, _) = Track();
        var settings = Bed.Settings with
        {
            SpotifyMaxRetries = 1,
            Endpoints = Bed.Settings.Endpoints with { SpotifyAccounts = new Uri("http://127.0.0.1:1") },
        };
        using var client = Bed.CreateClient(settings);

        var error = await Assert.ThrowsAsync<ServiceException>(() => Bed.DriveAsync(client.ResolveAsync(source, CancellationToken.None), TimeSpan.FromSeconds(1)));

        Assert.Equal(("Spotify", ServiceFailureKind.Unreachable), (error.Service, error.Kind));
        Assert.Equal(ExitCode.CannotProceed, Failures.ExitCodeOf(error));
        Assert.StartsWith("Spotify is unreachable (/api/token)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_limiter_lets_no_more_than_its_permits_start_per_window_across_threads()
    {
        // Every caller over the limit waits on the clock for the oldest start to leave the window (1 s away while the
        // clock stands still): once that many waits are armed, no other caller can start until the clock moves.
        var window = TimeSpan.FromSeconds(1);
        var time = new WatchedTimeProvider(due => due == window);
        var limiter = new RequestPacer(10, window, time);
        var started = 0;
        var tasks = Enumerable.Range(0, 25).Select(_ => Task.Run(async () =>
        {
            await limiter.AcquireAsync(CancellationToken.None);
            Interlocked.Increment(ref started);
        })).ToArray();

        await time.ArmedAsync(15).WaitAsync(TimeSpan.FromSeconds(10));
        await WaitForAsync(() => Volatile.Read(ref started) == 10);

        time.Advance(window);
        await time.ArmedAsync(15 + 5).WaitAsync(TimeSpan.FromSeconds(10));
        await WaitForAsync(() => Volatile.Read(ref started) == 20);

        time.Advance(window);
        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(25, started);
    }

    [Fact]
    public async Task One_client_shares_its_limiter_between_parallel_requests()
    {
        var window = TimeSpan.FromSeconds(30);
        var ids = Bed.Spotify.AddGeneratedAlbum(8).Tracks.Select(t => t.Id).ToArray();
        var route = Bed.Spotify.Route("GET", "/v1/tracks/{id}");
        using var client = Bed.CreateClient(Bed.Settings with
        {
            SpotifyRateLimitEnabled = true,
            SpotifyRateLimitRequests = 3,
            SpotifyRateLimitWindow = window,
        });

        var all = Task.WhenAll(ids.Select(id => Task.Run(() => client.Catalog.GetTrackAsync(id, CancellationToken.None))));

        // The token request takes one permit: two track requests fit in the first window and the other six wait on
        // the clock for a full window (it stands still); once all six waits are armed nothing else can go out.
        await Bed.Time.ArmedAsync(6, due => due == window).WaitAsync(TimeSpan.FromSeconds(10));
        await WaitForAsync(() => route.Count == 2);
        Bed.Time.Advance(window);
        await Bed.Time.ArmedAsync(6 + 3, due => due == window).WaitAsync(TimeSpan.FromSeconds(10));
        await WaitForAsync(() => route.Count == 5);
        Bed.Time.Advance(window);
        await all.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(8, route.Count);
    }

    [Fact]
    public async Task A_429_holds_every_parallel_request_of_the_client_until_Retry_After_has_passed()
    {
        var ids = Bed.Spotify.AddGeneratedAlbum(4).Tracks.Select(t => t.Id).ToArray();
        var route = Bed.Spotify.Route("GET", "/v1/tracks/{id}");
        // The limiter on, with room to spare: only the hold can keep a request back.
        using var client = Bed.CreateClient(Bed.Settings with
        {
            SpotifyRateLimitEnabled = true,
            SpotifyRateLimitRequests = 100,
            SpotifyRateLimitWindow = TimeSpan.FromSeconds(30),
        });
        await client.Catalog.GetTrackAsync(ids[0], CancellationToken.None);
        Assert.Equal(1, route.Count);

        route.Fail(new FakeFault { Status = 429, RetryAfterSeconds = 17, Times = 1 });
        var retryAfter = TimeSpan.FromSeconds(17);
        var first = Task.Run(() => client.Catalog.GetTrackAsync(ids[1], CancellationToken.None));

        // The refused request waits Retry-After on the clock (it stands still); then the others start and must not go
        // out either: they wait on the same hold, so nothing reaches Spotify until the clock passes it.
        await Bed.Time.ArmedAsync(1, due => due == retryAfter).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, route.Count);
        var others = ids.Skip(2).Select(id => Task.Run(() => client.Catalog.GetTrackAsync(id, CancellationToken.None))).ToArray();
        // Either they all park on the hold, or (the defect) they go out at once and finish.
        await Task.WhenAny(Bed.Time.ArmedAsync(1 + others.Length, due => due == retryAfter), Task.WhenAll(others))
            .WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, route.Count);

        Bed.Time.Advance(retryAfter);
        await Task.WhenAll(others.Append(first)).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(5, route.Count);
    }

    /// <summary>
    /// Polls for a count the code under test settles on; it cannot be passed early, because every other caller is
    /// already parked on the fake clock when this is called.
    /// </summary>
    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}

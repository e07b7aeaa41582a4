using MusicDl.Caching;
using MusicDl.Configuration;
using MusicDl.Fakes;
using MusicDl.Fakes.Spotify;
using MusicDl.Spotify;
using MusicDl.Tests.TestSupport;

namespace MusicDl.Tests.Spotify;

/// <summary>A fake Spotify on loopback, a fake clock, a temporary config folder and cache regions: one per test class instance.</summary>
public sealed class SpotifyTestBed : IAsyncDisposable
{
    private SpotifyTestBed(FakeHost host, FakeSpotify spotify)
    {
        Host = host;
        Spotify = spotify;
        Caches = TestCache.MemoryOnly(Time);
        Tokens = Caches.Region(CacheRegions.Tokens, SpotifyCacheJsonContext.Default.SpotifyAccessToken);
        Directory.CreateDirectory(ConfigDirectory);
    }

    public FakeHost Host { get; }

    public FakeSpotify Spotify { get; }

    /// <summary>The fake clock; it reports the timers armed on it, so a test can wait for a client to start waiting.</summary>
    public WatchedTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero), due => due > TimeSpan.Zero);

    /// <summary>The real cache in memory, shared by every client of the test as the runs of one process would share it.</summary>
    internal LayeredCache Caches { get; }

    internal ICacheRegion<SpotifyAccessToken> Tokens { get; }

    public string ConfigDirectory { get; } = Path.Combine(Path.GetTempPath(), "musicdl-spotify-tests", Guid.NewGuid().ToString("N"));

    /// <summary>
    /// Settings aimed at the fake (its public pages too); the limiter is off unless a test turns it on. These are the
    /// Web API client's tests: `api` access, so a refused playlist is not read from its page behind their back.
    /// </summary>
    public MusicDlSettings Settings => new()
    {
        ClientId = Spotify.ClientId,
        ClientSecret = Spotify.ClientSecret,
        SpotifyAccess = SpotifyAccess.Api,
        SpotifyRateLimitEnabled = false,
        SpotifyRetryBaseDelay = TimeSpan.FromSeconds(1),
        Endpoints = Endpoints.Default with { SpotifyApi = Spotify.ApiBase, SpotifyAccounts = Spotify.AccountsBase, SpotifyOpen = Spotify.Host.BaseUri },
    };

    // request_timeout runs on the bed's clock: 10 minutes, so no window a test advances the clock by (30 s, a
    // Retry-After) ends a request in flight or is mistaken for its deadline's timer.
    public SpotifyClientOptions Options => new()
    {
        TimeProvider = Time,
        RequestTimeout = TimeSpan.FromMinutes(10),
        ConfigDirectory = ConfigDirectory,
        Handler = Handler,
    };

    public HttpMessageHandler Handler { get; } = new SocketsHttpHandler { AllowAutoRedirect = false };

    public static async Task<SpotifyTestBed> StartAsync()
    {
        var host = await FakeHost.StartAsync();
        return new SpotifyTestBed(host, new FakeSpotify(host));
    }

    /// <summary>A client without the metadata cache (its token still kept in <see cref="Tokens"/>).</summary>
    public SpotifyClient CreateClient(MusicDlSettings? settings = null) =>
        SpotifyClient.Create(settings ?? Settings, Tokens, metadata: null, Options);

    /// <summary>A client whose reads go through the <c>spotify</c> region of <paramref name="cache"/> (else <see cref="Caches"/>).</summary>
    public SpotifyClient CreateCachingClient(LayeredCache? cache = null) =>
        SpotifyClient.Create(Settings, Tokens, cache ?? Caches, Options);

    public SpotifyLogin CreateLogin(MusicDlSettings? settings = null) => new(settings ?? Settings, Options);

    /// <summary>Logs the fake's user in through the authorize redirect, as a browser would, and returns the login.</summary>
    public async Task LogInAsync()
    {
        using var login = CreateLogin();
        var attempt = login.Begin();
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var answer = await browser.GetAsync(attempt.AuthorizeUrl);
        var code = SpotifyLogin.ReadCodeFromRedirect(attempt, answer.Headers.Location!.ToString());
        await login.CompleteAsync(attempt, code, CancellationToken.None);
    }

    /// <summary>Advances the fake clock in steps until the task completes (retries and limiter waits use the clock).</summary>
    public async Task<T> DriveAsync<T>(Task<T> task, TimeSpan step, int maxSteps = 400)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            await Task.Delay(5);
            Time.Advance(step);
        }

        return await task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        Handler.Dispose();
        await Caches.DisposeAsync();
        await Host.DisposeAsync();
        try
        {
            Directory.Delete(ConfigDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

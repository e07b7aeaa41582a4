using Microsoft.Extensions.Time.Testing;
using MusicDl.Configuration;
using MusicDl.Fakes;
using MusicDl.Fakes.Lrclib;
using MusicDl.Http;
using MusicDl.Lyrics;

namespace MusicDl.Tests.Lyrics;

public sealed class LrclibClientTests : IAsyncLifetime
{
    private const string Synced = "[00:12.34] First line\n[00:15.00] Second line";
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    // The run's client: its handler is what bounds each LRCLIB request by request_timeout, on this clock.
    private readonly FakeTimeProvider _time = new();
    private readonly HttpClient _http;
    private FakeHost _host = null!;
    private FakeLrclib _lrclib = null!;

    public LrclibClientTests() => _http = OutboundHttp.Create(RequestTimeout, 4, _time);

    public async Task InitializeAsync()
    {
        _host = await FakeHost.StartAsync();
        _lrclib = new FakeLrclib(_host);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    private LrclibClient Client() => new(_http, _host.BaseUri);

    private static LyricsQuery Query(string title = "Song", double seconds = 200.4) =>
        new(title, "Artist", "Album", TimeSpan.FromSeconds(seconds));

    [Fact]
    public async Task Get_finds_the_record_with_title_artist_album_and_whole_seconds()
    {
        _lrclib.Add(new FakeLyrics("Song", "Artist", "Album", 200) { SyncedLyrics = Synced, PlainLyrics = "First line\nSecond line" });

        var found = await Client().FindAsync(Query());

        Assert.NotNull(found);
        Assert.Equal(Synced, found.ForTag);
        Assert.Equal(Synced, found.ForSidecar);
        Assert.Equal(1, _lrclib.RequestCount);
        Assert.Contains("duration=200", _lrclib.Requests.Single(), StringComparison.Ordinal);
        Assert.Contains("album_name=Album", _lrclib.Requests.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_user_agent_names_musicdl_its_version_and_the_project()
    {
        await Client().FindAsync(Query());

        Assert.Equal($"musicdl/{ProductInfo.Version} ( {ProductInfo.ProjectUrl} )", _lrclib.LastUserAgent);
        Assert.Matches(@"^\d+\.\d+\.\d+", ProductInfo.Version);
    }

    [Fact]
    public async Task Search_is_asked_when_get_finds_nothing_and_takes_a_record_within_two_seconds()
    {
        // Another album: get (which compares the album) misses; search lists both records.
        _lrclib.Add(
            new FakeLyrics("Song", "Artist", "Other album", 250) { SyncedLyrics = "[00:01.00] wrong length" },
            new FakeLyrics("Song", "Artist", "Live album", 201.9) { PlainLyrics = "plain only" });

        var found = await Client().FindAsync(Query(seconds: 200));

        Assert.NotNull(found);
        Assert.Equal("plain only", found.ForTag);
        Assert.Null(found.ForSidecar);
        Assert.Equal([FakeLrclib.GetPath, FakeLrclib.SearchPath], _lrclib.Requests.Select(q => q[..q.IndexOf('?', StringComparison.Ordinal)]));
    }

    [Fact]
    public async Task A_cleaned_title_is_only_a_fallback()
    {
        _lrclib.Add(new FakeLyrics("Song", "Artist", "Album", 200) { SyncedLyrics = Synced });

        var found = await Client().FindAsync(Query("Song (feat. Guest) - Remastered 2011", 200));

        Assert.Equal(Synced, found?.ForTag);
        var queries = _lrclib.Requests.ToArray();
        Assert.Equal(3, queries.Length);
        Assert.Contains("track_name=Song%20%28feat.%20Guest%29%20-%20Remastered%202011", queries[0], StringComparison.Ordinal);
        Assert.Contains("track_name=Song&", queries[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_anywhere_is_none_found()
    {
        _lrclib.Add(new FakeLyrics("Other", "Artist", "Album", 200) { SyncedLyrics = Synced });

        Assert.Null(await Client().FindAsync(Query()));
        Assert.Equal(2, _lrclib.RequestCount);
    }

    [Fact]
    public async Task An_instrumental_record_is_found_but_gives_no_lyrics()
    {
        _lrclib.Add(new FakeLyrics("Song", "Artist", "Album", 200) { Instrumental = true });

        var found = await Client().FindAsync(Query());

        Assert.NotNull(found);
        Assert.True(found.Instrumental);
        Assert.Null(found.ForTag);
        Assert.Null(found.ForSidecar);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task A_server_error_is_a_service_failure_not_none_found(int status)
    {
        _lrclib.GetRoute.Fail(new FakeFault { Status = status });

        await Assert.ThrowsAsync<ServiceException>(() => Client().FindAsync(Query()));
    }

    [Fact]
    public async Task A_broken_answer_is_a_service_failure()
    {
        _lrclib.GetRoute.Fail(new FakeFault { MalformedJson = true });

        await Assert.ThrowsAsync<ServiceException>(() => Client().FindAsync(Query()));
    }

    [Fact]
    public async Task A_request_that_gets_no_answer_ends_at_request_timeout_as_the_networks_fault()
    {
        _lrclib.GetRoute.HoldRequest(1);

        var find = Client().FindAsync(Query());
        await _lrclib.GetRoute.Held;
        Assert.False(find.IsCompleted);
        _time.Advance(RequestTimeout);

        // A service failure (the track goes on without lyrics), not "none found", and caused by the deadline.
        var error = await Assert.ThrowsAsync<ServiceException>(() => find);
        Assert.Contains("did not answer", error.Message, StringComparison.Ordinal);
        Assert.IsType<RequestTimedOutException>(error.InnerException);
        Assert.Equal(1, _lrclib.RequestCount);
        _lrclib.GetRoute.Release();
    }
}

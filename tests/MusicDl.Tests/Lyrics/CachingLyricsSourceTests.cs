using Microsoft.Extensions.Time.Testing;
using MusicDl.Http;
using MusicDl.Caching;
using MusicDl.Lyrics;
using MusicDl.Tests.TestSupport;

namespace MusicDl.Tests.Lyrics;

public sealed class CachingLyricsSourceTests : IAsyncDisposable
{
    private static readonly LyricsQuery Query = new("Song", "Artist", "Album", TimeSpan.FromSeconds(200));
    private readonly FakeTimeProvider _time = new();
    private readonly LayeredCache _cache;

    public CachingLyricsSourceTests() => _cache = TestCache.MemoryOnly(_time);

    public ValueTask DisposeAsync() => _cache.DisposeAsync();

    [Fact]
    public async Task Found_lyrics_and_none_found_are_both_remembered()
    {
        var origin = new ScriptedSource(new TrackLyrics("[00:01.00] a", "a"), null);
        var found = Source(origin);
        var none = Source(origin);

        Assert.Equal("[00:01.00] a", (await found.FindAsync(Query))?.ForTag);
        Assert.Null(await none.FindAsync(Query with { Title = "Other" }));
        Assert.Equal("[00:01.00] a", (await found.FindAsync(Query))?.ForTag);
        Assert.Null(await none.FindAsync(Query with { Title = "Other" }));

        Assert.Equal(2, origin.Calls);
        Assert.Equal(1, _cache.GetStatistics().Single(r => r.Region == CacheRegions.Lyrics).NegativeHits);
    }

    [Fact]
    public async Task A_service_failure_is_not_remembered_as_none_found()
    {
        var origin = new ScriptedSource(new ServiceException("LRCLIB", ServiceFailureKind.ServerError, "LRCLIB answered HTTP 503"), new TrackLyrics(null, "plain"));
        var source = Source(origin);

        await Assert.ThrowsAsync<ServiceException>(() => source.FindAsync(Query));
        Assert.Equal("plain", (await source.FindAsync(Query))?.ForTag);

        Assert.Equal(2, origin.Calls);
    }

    private CachingLyricsSource Source(ILyricsSource origin) => new(origin, _cache);

    /// <summary>Answers (or throws) from a script, one item per call.</summary>
    private sealed class ScriptedSource(params object?[] script) : ILyricsSource
    {
        public int Calls { get; private set; }

        public Task<TrackLyrics?> FindAsync(LyricsQuery query, CancellationToken cancellationToken = default)
        {
            var next = script[Calls++];
            return next is Exception ex ? Task.FromException<TrackLyrics?>(ex) : Task.FromResult((TrackLyrics?)next);
        }
    }
}

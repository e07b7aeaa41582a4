using MusicDl.Caching;
using MusicDl.Fakes;
using MusicDl.Models;
using MusicDl.Tagging;
using MusicDl.Tests.TestSupport;

namespace MusicDl.Tests.Tagging;

public sealed class CoverArtProviderTests : IAsyncLifetime
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0xFF, 0xD9];
    private readonly HttpClient _http = new();
    private FakeHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await FakeHost.StartAsync();
        _host.MapGet("/image/{id}", (ctx, v) => ctx.Response.Body.WriteAsync(v["id"] == "html" ? "<html>"u8.ToArray() : Jpeg).AsTask());
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Cover_is_fetched_once_per_album_and_kept_in_the_images_region()
    {
        var region = TestCache.Region(CacheRegions.Images, TaggingJsonContext.Default.ByteArray);
        var provider = new CoverArtProvider(_http, region);
        var album = Album("large");

        var first = await provider.GetAsync(album);
        var second = await provider.GetAsync(album);

        Assert.Equal(Jpeg, first!.Data);
        Assert.Equal("image/jpeg", first.MimeType);
        Assert.Equal(first.Hash, second!.Hash);
        Assert.Equal(1, _host.Route("GET", "/image/{id}").Count);
        Assert.Equal(1, region.Entries());
    }

    [Fact]
    public async Task A_cover_whose_body_stalls_ends_at_request_timeout_without_a_cover()
    {
        // The headers come at once, then the body stops: request_timeout bounds the body too (only media has its own).
        _host.Route("GET", "/image/{id}").Fail(new FakeFault { StallAfterBytes = 4 });
        using var http = MusicDl.Http.OutboundHttp.Create(TimeSpan.FromSeconds(2), 4);
        var provider = new CoverArtProvider(http, TestCache.Region(CacheRegions.Images, TaggingJsonContext.Default.ByteArray));

        // The guard only keeps a regression from hanging the suite; the verdict is the missing cover.
        var cover = await provider.GetAsync(Album("large")).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Null(cover);
        Assert.Equal(1, _host.Route("GET", "/image/{id}").Count);
    }

    [Fact]
    public async Task A_cover_in_the_cache_file_is_not_fetched_again_in_the_next_run()
    {
        var folder = Directory.CreateTempSubdirectory("musicdl-cover-");
        try
        {
            var file = Path.Combine(folder.FullName, "cache.db");
            CoverArt? first;
            await using (var firstRun = TestCache.OnDisk(file, TimeProvider.System))
            {
                first = await new CoverArtProvider(_http, firstRun.Region(CacheRegions.Images, TaggingJsonContext.Default.ByteArray)).GetAsync(Album("large"));
            }

            await using var nextRun = TestCache.OnDisk(file, TimeProvider.System);
            var region = nextRun.Region(CacheRegions.Images, TaggingJsonContext.Default.ByteArray);
            var second = await new CoverArtProvider(_http, region).GetAsync(Album("large"));

            Assert.Equal(Jpeg, first!.Data);
            Assert.Equal(Jpeg, second!.Data);
            Assert.Equal("image/jpeg", second.MimeType);
            Assert.Equal(1, _host.Route("GET", "/image/{id}").Count);
            Assert.Equal(1, region.GetStatistics().PersistentHits);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_largest_image_is_chosen()
    {
        var provider = new CoverArtProvider(_http, TestCache.Region(CacheRegions.Images, TaggingJsonContext.Default.ByteArray));

        await provider.GetAsync(Album("large"));

        Assert.Contains(_host.Log, line => line.Contains("/image/large", StringComparison.Ordinal));
        Assert.DoesNotContain(_host.Log, line => line.Contains("/image/small", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_or_non_image_answer_gives_no_cover_and_caches_nothing()
    {
        var region = TestCache.Region(CacheRegions.Images, TaggingJsonContext.Default.ByteArray);
        var provider = new CoverArtProvider(_http, region);
        _host.Route("GET", "/image/{id}").Fail(new FakeFault { Status = 500, Times = 1 });

        Assert.Null(await provider.GetAsync(Album("large")));
        Assert.Null(await provider.GetAsync(Album("html")));
        Assert.Equal(0, region.Entries());
        Assert.NotNull(await provider.GetAsync(Album("large")));
    }

    [Fact]
    public async Task An_image_cut_short_but_answered_as_whole_gives_no_cover_and_caches_nothing()
    {
        // A 200 whose Content-Length matches a JPEG missing its end: the header alone would pass it.
        var cut = Jpeg[..^2];
        _host.MapGet("/image/cut", (ctx, _) =>
        {
            ctx.Response.ContentLength = cut.Length;
            return ctx.Response.Body.WriteAsync(cut).AsTask();
        });
        var region = TestCache.Region(CacheRegions.Images, TaggingJsonContext.Default.ByteArray);
        var provider = new CoverArtProvider(_http, region);

        Assert.Null(await provider.GetAsync(Album("cut")));
        Assert.Equal(0, region.Entries());
        Assert.Equal(Jpeg, (await provider.GetAsync(Album("large")))!.Data);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0xFF, 0xD9 }, true)]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0xFF, 0xD9, 0x00, 0x00 }, true)]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A }, false)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82 }, true)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52 }, false)]
    [InlineData(new byte[] { 0x3C, 0x68, 0x74, 0x6D, 0x6C, 0x3E, 0xFF, 0xD9 }, false)]
    public void An_image_is_whole_when_it_ends_as_its_type_says(byte[] data, bool whole) => Assert.Equal(whole, CoverArt.IsWhole(data));

    [Fact]
    public async Task Album_without_images_has_no_cover()
    {
        var provider = new CoverArtProvider(_http, TestCache.Region(CacheRegions.Images, TaggingJsonContext.Default.ByteArray));

        Assert.Null(await provider.GetAsync(Album("large") with { Images = [] }));
        Assert.Equal(0, _host.Route("GET", "/image/{id}").Count);
    }

    [Fact]
    public async Task After_three_failures_in_a_row_the_run_stops_asking_for_covers_and_tracks_go_on_without()
    {
        _host.Route("GET", "/image/{id}").Fail(new FakeFault { Status = 503 });
        var provider = new CoverArtProvider(_http, TestCache.Region(CacheRegions.Images, TaggingJsonContext.Default.ByteArray));

        for (var i = 0; i < 6; i++)
        {
            Assert.Null(await provider.GetAsync(Album("large") with { Id = "album-" + i }));
        }

        Assert.True(provider.GaveUp);
        Assert.Equal(CoverArtProvider.FailureLimit, _host.Route("GET", "/image/{id}").Count);
    }

    [Fact]
    public async Task A_cover_that_arrives_between_failures_starts_the_count_again()
    {
        _host.Route("GET", "/image/{id}").Fail(new FakeFault { Status = 500, Times = 2 });
        var provider = new CoverArtProvider(_http, TestCache.Region(CacheRegions.Images, TaggingJsonContext.Default.ByteArray));

        Assert.Null(await provider.GetAsync(Album("large") with { Id = "a1" }));
        Assert.Null(await provider.GetAsync(Album("large") with { Id = "a2" }));
        Assert.NotNull(await provider.GetAsync(Album("large") with { Id = "a3" }));
        _host.Route("GET", "/image/{id}").Fail(new FakeFault { Status = 500, Times = 2 });
        Assert.Null(await provider.GetAsync(Album("large") with { Id = "a4" }));
        Assert.Null(await provider.GetAsync(Album("large") with { Id = "a5" }));

        Assert.False(provider.GaveUp);
        Assert.NotNull(await provider.GetAsync(Album("large") with { Id = "a6" }));
    }

    [Theory]
    [InlineData("http://i.scdn.co/image/ab67616d0000b273")]
    [InlineData("ftp://127.0.0.1/image/large")]
    [InlineData("not a url")]
    public async Task A_cover_url_that_is_neither_https_nor_loopback_http_is_not_fetched(string url)
    {
        using var refusing = new HttpClient(new RefusingHandler());
        var region = TestCache.Region(CacheRegions.Images, TaggingJsonContext.Default.ByteArray);
        var provider = new CoverArtProvider(refusing, region);

        Assert.Null(await provider.GetAsync(Album("large") with { Images = [new ImageRef(url, 640, 640)] }));
        Assert.Equal(0, region.Entries());
    }

    private AlbumInfo Album(string large) => new()
    {
        Id = "album-" + large,
        Name = "Album",
        Images =
        [
            new ImageRef(_host.Url("/image/small").ToString(), 64, 64),
            new ImageRef(_host.Url("/image/" + large).ToString(), 640, 640),
            new ImageRef(_host.Url("/image/small").ToString(), 300, 300),
        ],
    };

    /// <summary>Fails the test on any request: the provider must refuse before sending.</summary>
    private sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new Xunit.Sdk.XunitException($"no request was expected, got {request.RequestUri}");
    }
}

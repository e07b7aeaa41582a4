using System.Text;
using Microsoft.Extensions.Time.Testing;
using MusicDl.Caching;
using MusicDl.Fakes;
using MusicDl.Fakes.Lrclib;
using MusicDl.Fakes.MusicBrainz;
using MusicDl.Fakes.Spotify;
using MusicDl.Http;
using MusicDl.Lyrics;
using MusicDl.Models;
using MusicDl.MusicBrainz;
using MusicDl.Tagging;
using MusicDl.Tests.TestSupport;

namespace MusicDl.Tests.Http;

/// <summary>Issue 25: answers are checked and bounded before they are kept (tags, files, cache).</summary>
public sealed class BoundedAnswersTests : IAsyncLifetime
{
    private static readonly LyricsQuery Query = new("Song", "Artist", "Album", TimeSpan.FromSeconds(200));
    private readonly HttpClient _http = OutboundHttp.Create(TimeSpan.FromMinutes(5), 4, TimeProvider.System);
    private FakeHost _host = null!;

    public async Task InitializeAsync() => _host = await FakeHost.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Theory]
    [InlineData("""{"id":1,"trackName":"Song","artistName":"Artist","duration":200,"instrumental":false,"syncedLyrics":42,"plainLyrics":null}""")]
    [InlineData("""{"id":1,"trackName":"Song","artistName":"Artist","duration":"200","syncedLyrics":null,"plainLyrics":"la"}""")]
    [InlineData("""{"id":1,"trackName":"Song","artistName":"Artist","duration":200,"instrumental":"yes","plainLyrics":"la"}""")]
    [InlineData("""{"id":1,"trackName":"Song","artistName":"Artist","duration":200,"plainLyrics":["la"]}""")]
    public async Task A_wrongly_typed_lrclib_answer_is_unparseable_and_never_cached_as_no_lyrics(string body)
    {
        var lrclib = new FakeLrclib(_host);
        lrclib.GetRoute.Fail(new FakeFault { Body = body, Times = 1 });
        lrclib.Add(new FakeLyrics("Song", "Artist", "Album", 200) { PlainLyrics = "the real words" });
        await using var cache = TestCache.MemoryOnly(new FakeTimeProvider());
        var source = new CachingLyricsSource(new LrclibClient(_http, _host.BaseUri), cache);

        await Assert.ThrowsAsync<ServiceException>(() => source.FindAsync(Query));
        var again = await source.FindAsync(Query);

        Assert.Equal("the real words", again?.ForTag);
        Assert.Equal(2, lrclib.GetRoute.Count);
    }

    [Fact]
    public async Task Lyrics_lose_escapes_and_nul_and_keep_newlines_and_tabs()
    {
        var lrclib = new FakeLrclib(_host);
        lrclib.Add(new FakeLyrics("Song", "Artist", "Album", 200)
        {
            SyncedLyrics = "[00:01.00] \u001b[31mred\u001b[0m\0line\r\n[00:02.00]\ttab\u0007",
            PlainLyrics = "plain\u0000text",
        });

        var found = await new LrclibClient(_http, _host.BaseUri).FindAsync(Query);

        Assert.Equal("[00:01.00] [31mred[0mline\n[00:02.00]\ttab", found?.ForSidecar);
        Assert.DoesNotContain(found!.Plain!, char.IsControl);
    }

    [Fact]
    public async Task Lyrics_over_256_kb_are_dropped_and_an_answer_over_the_body_limit_is_a_service_failure()
    {
        var lrclib = new FakeLrclib(_host);
        var line = "[00:01.00] " + new string('a', 1000) + "\n";
        lrclib.Add(new FakeLyrics("Song", "Artist", "Album", 200) { SyncedLyrics = string.Concat(Enumerable.Repeat(line, 300)), PlainLyrics = "short" });
        lrclib.Add(new FakeLyrics("Huge", "Artist", "Album", 200) { SyncedLyrics = string.Concat(Enumerable.Repeat(line, 5000)) });
        var client = new LrclibClient(_http, _host.BaseUri);

        var found = await client.FindAsync(Query);
        var huge = await Record.ExceptionAsync(() => client.FindAsync(Query with { Title = "Huge" }));

        Assert.Null(found?.ForSidecar);
        Assert.Equal("short", found?.ForTag);
        var failure = Assert.IsType<ServiceException>(huge);
        Assert.Contains("larger than 4 MB", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../\u001b[31m\n/etc/passwd\u0000", "18a93e1e-8e4f-4e3a-9c6a-0f6c1c0a3b57")]
    [InlineData("not-a-uuid", "18a93e1e-8e4f-4e3a-9c6a-0f6c1c0a3b57")]
    public async Task A_musicbrainz_recording_id_that_is_not_a_uuid_is_unparseable_and_not_cached(string badId, string goodRelease)
    {
        var mb = new FakeMusicBrainz(_host);
        var answer = new System.Text.Json.Nodes.JsonObject
        {
            ["recordings"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
            {
                ["id"] = badId,
                ["length"] = 200_000,
                ["releases"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["id"] = goodRelease, ["title"] = "The Album" }),
            }),
        }.ToJsonString();
        mb.IsrcRoute.Fail(new FakeFault { Body = answer, Times = 1 });
        mb.Add("GBUM71029604", new FakeMbRecording("rec", "Song", 200_000));
        await using var cache = TestCache.MemoryOnly(new FakeTimeProvider());
        var source = new CachingMusicBrainzSource(new MusicBrainzClient(_http, _host.BaseUri), cache);
        var query = new MusicBrainzQuery("GBUM71029604", TimeSpan.FromMilliseconds(200_000), "The Album", false);

        await Assert.ThrowsAsync<ServiceException>(() => source.LookupAsync(query));
        var again = await source.LookupAsync(query);

        Assert.Equal(FakeMusicBrainz.Uuid("rec"), again?.RecordingId);
        Assert.Equal(2, mb.IsrcRoute.Count);
    }

    [Fact]
    public async Task Musicbrainz_release_and_artist_ids_that_are_not_uuids_are_left_out()
    {
        var mb = new FakeMusicBrainz(_host);
        var answer = """
            {"recordings":[{"id":"9C5A1F0E-2B7D-4C1A-8E3F-5D6B7A8C9D0E","length":200000,
              "artist-credit":[{"artist":{"id":"<script>"}},{"artist":{"id":"0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9"}}],
              "releases":[{"id":"../x","title":"The Album"},{"id":"1a2b3c4d-5e6f-4a1b-9c2d-3e4f5a6b7c8d","title":"The Album","release-group":{"id":"rg\u0000"}}]}]}
            """;
        mb.IsrcRoute.Fail(new FakeFault { Body = answer, Times = 1 });

        var ids = await new MusicBrainzClient(_http, _host.BaseUri).LookupAsync(new MusicBrainzQuery("GBUM71029604", TimeSpan.FromMilliseconds(200_000), "The Album", false));

        Assert.Equal("9c5a1f0e-2b7d-4c1a-8e3f-5d6b7a8c9d0e", ids?.RecordingId);
        Assert.Equal("1a2b3c4d-5e6f-4a1b-9c2d-3e4f5a6b7c8d", ids?.ReleaseId);
        Assert.Null(ids?.ReleaseGroupId);
        Assert.Equal(["0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9"], ids?.ArtistIds);
    }

    [Fact]
    public async Task A_cover_over_10_mb_is_no_cover_and_is_not_kept()
    {
        var big = new byte[11 * 1024 * 1024];
        new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }.CopyTo(big, 0);
        big[^2] = 0xFF;
        big[^1] = 0xD9;
        _host.MapGet("/big", (context, _) => context.Response.Body.WriteAsync(big).AsTask());
        var region = TestCache.Region(CacheRegions.Images, TaggingJsonContext.Default.ByteArray);
        var provider = new CoverArtProvider(_http, region);
        var album = new AlbumInfo { Id = "album-big", Name = "Album", Images = [new ImageRef(_host.Url("/big").ToString(), 640, 640)] };

        var cover = await provider.GetAsync(album);

        Assert.Null(cover);
        Assert.Equal(0, region.Entries());
    }

    [Fact]
    public void A_cover_header_gives_its_size_without_decoding_the_image()
    {
        Assert.Equal((32, 32), CoverArt.Dimensions(FakeSpotify.CoverJpeg));
        Assert.Equal((5000, 3000), CoverArt.Dimensions(JpegHeader(5000, 3000)));
        Assert.Equal((70000, 12), CoverArt.Dimensions(PngHeader(70000, 12)));

        // No start-of-frame before the image data, a cut header, not an image: no size.
        Assert.Null(CoverArt.Dimensions([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0xFF, 0xD9]));
        Assert.Null(CoverArt.Dimensions(JpegHeader(5000, 3000).AsSpan(0, 10)));
        Assert.Null(CoverArt.Dimensions("<html>"u8));
    }

    [Theory]
    [InlineData(false, 4500, 300)]
    [InlineData(true, 200, 5000)]
    public async Task A_cover_over_4096_px_a_side_is_scaled_down_once_and_kept_scaled(bool png, int width, int height)
    {
        var image = GeneratedImage(png, width, height);
        var album = ServedCover(image, "album-wide");
        var region = TestCache.Region(CacheRegions.Images, TaggingJsonContext.Default.ByteArray);
        var converter = new MusicDl.Audio.AudioConverter("ffmpeg");
        var provider = new CoverArtProvider(_http, region, scaleDown: (data, isPng, ct) => converter.ScaleImageAsync(data, isPng, CoverArt.MaxSide, ct));

        var cover = await provider.GetAsync(album);

        Assert.NotNull(cover);
        Assert.Equal(png ? "image/png" : "image/jpeg", cover.MimeType);
        var (w, h) = CoverArt.Dimensions(cover.Data)!.Value;
        Assert.Equal(CoverArt.MaxSide, Math.Max(w, h));
        Assert.InRange(Math.Min(w, h) * 1.0 / Math.Max(w, h), (Math.Min(width, height) - 2.0) / Math.Max(width, height), (Math.Min(width, height) + 2.0) / Math.Max(width, height));
        Assert.Equal(1, region.Entries());
        Assert.Equal(cover.Hash, (await provider.GetAsync(album))!.Hash);
    }

    [Fact]
    public async Task A_cover_claiming_over_4096_px_that_cannot_be_scaled_is_left_out_with_a_warning_and_not_kept()
    {
        var log = new MusicDl.Tests.YouTube.Matching.ListLogger<CoverArtProvider>();
        var region = TestCache.Region(CacheRegions.Images, TaggingJsonContext.Default.ByteArray);
        var converter = new MusicDl.Audio.AudioConverter("ffmpeg");
        var provider = new CoverArtProvider(_http, region, log, scaleDown: (data, isPng, ct) => converter.ScaleImageAsync(data, isPng, CoverArt.MaxSide, ct));
        var withoutScaler = new CoverArtProvider(_http, TestCache.Region(CacheRegions.Images, TaggingJsonContext.Default.ByteArray));
        var bogus = JpegHeader(60000, 60000);

        Assert.Null(await provider.GetAsync(ServedCover(bogus, "album-bogus")));
        Assert.Null(await withoutScaler.GetAsync(ServedCover(GeneratedImage(false, 4200, 16), "album-no-ffmpeg")));

        Assert.Equal(0, region.Entries());
        Assert.Contains(log.Lines, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Warning && l.Message.Contains("60000x60000 px is over 4096 px a side", StringComparison.Ordinal));
    }

    // A JPEG that is all header: SOI, an APP0, a baseline start-of-frame with the given size, EOI (whole, by its end).
    private static byte[] JpegHeader(int width, int height) =>
    [
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
        0xFF, 0xC0, 0x00, 0x11, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x03,
        0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
        0xFF, 0xD9,
    ];

    private static byte[] PngHeader(int width, int height)
    {
        var png = new byte[33];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D }.CopyTo(png, 0);
        "IHDR"u8.CopyTo(png.AsSpan(12));
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        return png;
    }

    private static byte[] GeneratedImage(bool png, int width, int height)
    {
        var path = Path.Combine(Path.GetTempPath(), $"musicdl-big-cover-{Guid.NewGuid():N}{(png ? ".png" : ".jpg")}");
        try
        {
            var made = MusicDl.Tests.Tagging.MediaTools.Run("ffmpeg", "-nostdin", "-y", "-loglevel", "error", "-f", "lavfi", "-i", $"color=c=red:s={width}x{height}", "-frames:v", "1", path);
            Assert.True(made.ExitCode == 0, made.Stderr);
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private AlbumInfo ServedCover(byte[] image, string albumId)
    {
        _host.MapGet("/" + albumId, (context, _) => context.Response.Body.WriteAsync(image).AsTask());
        return new AlbumInfo { Id = albumId, Name = "Album", Images = [new ImageRef(_host.Url("/" + albumId).ToString(), 640, 640)] };
    }

    [Fact]
    public async Task A_body_over_its_limit_is_refused_whether_announced_or_not()
    {
        using var announced = new ByteArrayContent(new byte[2048]);
        using var streamed = new StreamContent(new MemoryStream(new byte[2048]));
        streamed.Headers.ContentLength = null;
        using var fits = new StringContent("fits", Encoding.UTF8);

        await Assert.ThrowsAsync<BodyTooLargeException>(() => BoundedBody.ReadAsync(announced, 1024, CancellationToken.None));
        await Assert.ThrowsAsync<BodyTooLargeException>(() => BoundedBody.ReadAsync(streamed, 1024, CancellationToken.None));
        Assert.Equal("fits"u8.ToArray(), await BoundedBody.ReadAsync(fits, 1024, CancellationToken.None));
    }
}

using Microsoft.Extensions.Time.Testing;
using MusicDl.Fakes;
using MusicDl.Fakes.YouTubeMedia;
using MusicDl.YouTube.Download;

namespace MusicDl.Tests.YouTube.Download;

public sealed class RangedDownloaderTests : IAsyncLifetime
{
    private const string VideoId = "AjXQiKP5kMs";
    private const int PieceSize = 4096;
    private readonly HttpClient _http = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "musicdl-ranged-" + Guid.NewGuid().ToString("N"));
    private FakeHost _host = null!;
    private FakeYouTubeMedia _fake = null!;

    private string Destination => Path.Combine(_folder, "track.part");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _host = await FakeHost.StartAsync();
        _fake = await FakeYouTubeMedia.StartAsync(_host);
        _fake.AddVideo(VideoId);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private Uri MediaUrl(int itag) => _host.Url($"/videoplayback?id={VideoId}&itag={itag}&source=youtube");

    private RangedDownloader Downloader(TimeProvider? time = null, int retries = 3) =>
        new(_http, new RangedDownloadOptions { PieceSize = PieceSize, MaxRetries = retries, BaseDelay = TimeSpan.FromSeconds(1) }, time ?? new FakeTimeProvider());

    private static int Pieces(long length) => (int)((length + PieceSize - 1) / PieceSize);

    [Fact]
    public async Task The_whole_file_arrives_in_ranged_pieces_byte_identical()
    {
        var expected = _fake.BytesFor(251);
        var downloader = Downloader();

        var length = await downloader.DownloadAsync(MediaUrl(251), expected.LongLength, Destination);

        Assert.Equal(expected.LongLength, length);
        Assert.Equal(expected, await File.ReadAllBytesAsync(Destination));
        Assert.Equal(Pieces(expected.LongLength), _fake.MediaRoute.Count);
        Assert.Equal(_fake.MediaRoute.Count, downloader.Counter.MediaRequests);
        Assert.All(_fake.MediaRequests, r => Assert.Matches(@"range=\d+-\d+$", r));
        Assert.Equal($"itag=251 range=0-{PieceSize - 1}", _fake.MediaRequests.First());
    }

    [Fact]
    public async Task A_dropped_connection_resumes_from_the_last_byte_and_the_file_is_whole()
    {
        var expected = _fake.BytesFor(140);
        _fake.MediaRoute.Fail(new FakeFault { CutAfterBytes = 1500, Times = 1, FromRequest = 2 });

        var time = new FakeTimeProvider();

        await RunWithClockAsync(Downloader(time).DownloadAsync(MediaUrl(140), expected.LongLength, Destination), time);

        Assert.Equal(expected, await File.ReadAllBytesAsync(Destination));
        Assert.Equal(Pieces(expected.LongLength) + 1, _fake.MediaRoute.Count);
        Assert.Equal($"itag=140 range={PieceSize}-{(2 * PieceSize) - 1}", _fake.MediaRequests.ElementAt(1));
    }

    [Fact]
    public async Task The_retry_after_a_cut_asks_only_for_the_bytes_still_missing()
    {
        var expected = _fake.BytesFor(140);
        using var http = new HttpClient(new ClientSideCutHandler(requestNumber: 2, cutAfter: 1500));
        var downloader = new RangedDownloader(http, new RangedDownloadOptions { PieceSize = PieceSize }, new FakeTimeProvider());

        // No clock advance: a retry after progress must not wait for a backoff.
        await downloader.DownloadAsync(MediaUrl(140), expected.LongLength, Destination);

        Assert.Equal(expected, await File.ReadAllBytesAsync(Destination));
        Assert.Equal($"itag=140 range={PieceSize + 1500}-{(2 * PieceSize) - 1}", _fake.MediaRequests.ElementAt(2));
        Assert.Equal(Pieces(expected.LongLength) + 1, downloader.Counter.MediaRequests);
    }

    [Fact]
    public async Task A_stream_shorter_than_its_content_length_fails_and_leaves_no_file()
    {
        var actual = _fake.BytesFor(251).LongLength;

        var ex = await Assert.ThrowsAsync<DownloadLengthMismatchException>(() => Downloader().DownloadAsync(MediaUrl(251), actual + 5000, Destination));

        Assert.Equal(actual + 5000, ex.Expected);
        Assert.Equal(actual, ex.Received);
        Assert.False(File.Exists(Destination));
    }

    [Fact]
    public async Task A_403_on_media_is_not_retried_and_leaves_no_file()
    {
        _fake.MediaRoute.Fail(new FakeFault { Status = 403 });

        await Assert.ThrowsAsync<MediaForbiddenException>(() => Downloader().DownloadAsync(MediaUrl(251), _fake.BytesFor(251).LongLength, Destination));

        Assert.Equal(1, _fake.MediaRoute.Count);
        Assert.False(File.Exists(Destination));
    }

    [Fact]
    public async Task Server_errors_are_retried_after_a_backoff_on_the_time_provider()
    {
        var time = new FakeTimeProvider();
        var expected = _fake.BytesFor(251);
        _fake.MediaRoute.Fail(new FakeFault { Status = 503, Times = 2 });

        var download = Downloader(time).DownloadAsync(MediaUrl(251), expected.LongLength, Destination);

        // Without the clock moving, the first backoff never ends.
        await WaitUntilAsync(() => _fake.MediaRoute.Count == 1);
        await Task.Delay(50);
        Assert.False(download.IsCompleted);
        Assert.Equal(1, _fake.MediaRoute.Count);

        await RunWithClockAsync(download, time);
        Assert.Equal(expected, await File.ReadAllBytesAsync(Destination));
        Assert.Equal(Pieces(expected.LongLength) + 2, _fake.MediaRoute.Count);
    }

    [Fact]
    public async Task Retries_are_bounded_and_the_last_error_surfaces()
    {
        _fake.MediaRoute.Fail(new FakeFault { Status = 500 });

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => Downloader(TimeProvider.System, retries: 0).DownloadAsync(MediaUrl(251), 100, Destination));

        Assert.Contains("500", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, _fake.MediaRoute.Count);
        Assert.False(File.Exists(Destination));
    }

    [Fact]
    public async Task Without_a_content_length_pieces_are_fetched_until_a_short_one()
    {
        var expected = _fake.BytesFor(140);

        var length = await Downloader().DownloadAsync(MediaUrl(140), null, Destination);

        Assert.Equal(expected.LongLength, length);
        Assert.Equal(expected, await File.ReadAllBytesAsync(Destination));
    }

    [Fact]
    public async Task Cancelling_a_slow_stream_leaves_no_file()
    {
        _fake.MediaChunkDelay = TimeSpan.FromMilliseconds(200);
        using var cts = new CancellationTokenSource();

        var download = Downloader().DownloadAsync(MediaUrl(251), _fake.BytesFor(251).LongLength, Destination, cts.Token);
        await WaitUntilAsync(() => File.Exists(Destination) && _fake.MediaRoute.Count >= 1);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => download);
        Assert.False(File.Exists(Destination));
    }

    [Fact]
    public void The_range_goes_into_the_query_string()
    {
        Assert.Equal("http://h/videoplayback?id=x&range=0-99", RangedDownloader.WithRange(new Uri("http://h/videoplayback?id=x"), 0, 99).AbsoluteUri);
        Assert.Equal("http://h/v?range=5-9", RangedDownloader.WithRange(new Uri("http://h/v"), 5, 9).AbsoluteUri);
    }

    /// <summary>Moves the fake clock until the task ends, so backoffs pass without real sleeps.</summary>
    private static async Task RunWithClockAsync(Task task, FakeTimeProvider time)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!task.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(task, Task.Delay(10, timeout.Token));
            timeout.Token.ThrowIfCancellationRequested();
        }

        await task;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }
}

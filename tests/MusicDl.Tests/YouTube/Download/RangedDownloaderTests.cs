using Microsoft.Extensions.Time.Testing;
using MusicDl.Http;
using MusicDl.Fakes;
using MusicDl.Tests.TestSupport;
using MusicDl.YouTube.Download;

namespace MusicDl.Tests.YouTube.Download;

public sealed class RangedDownloaderTests : IAsyncLifetime
{
    private const string VideoId = MediaTestBed.VideoId;
    private const int PieceSize = 4096;
    private MediaTestBed _bed = null!;

    public async Task InitializeAsync()
    {
        _bed = await MediaTestBed.StartAsync("ranged");
        _bed.Fake.AddVideo(VideoId);
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private Uri MediaUrl(int itag) => _bed.Host.Url($"/videoplayback?id={VideoId}&itag={itag}&source=youtube");

    // The stall timeout is far beyond what RunWithClockAsync can reach in its 20 s: a slow machine must not turn a healthy
    // piece into a stalled one while the clock runs for a backoff. Stalls have their own test.
    private RangedDownloader Downloader(TimeProvider? time = null, int retries = 3) =>
        new(_bed.Http, new RangedDownloadOptions { PieceSize = PieceSize, MaxRetries = retries, BaseDelay = TimeSpan.FromSeconds(1), StallTimeout = TimeSpan.FromDays(1) }, time ?? new FakeTimeProvider());

    private static int Pieces(long length) => (int)((length + PieceSize - 1) / PieceSize);

    [Fact]
    public async Task The_whole_file_arrives_in_ranged_pieces_byte_identical()
    {
        var expected = _bed.Fake.BytesFor(251);
        var downloader = Downloader();

        var length = await downloader.DownloadAsync(MediaUrl(251), expected.LongLength, _bed.Destination);

        Assert.Equal(expected.LongLength, length);
        Assert.Equal(expected, await File.ReadAllBytesAsync(_bed.Destination));
        Assert.Equal(Pieces(expected.LongLength), _bed.Fake.MediaRoute.Count);
        Assert.Equal(_bed.Fake.MediaRoute.Count, downloader.Counter.MediaRequests);
        Assert.All(_bed.Fake.MediaRequests, r => Assert.Matches(@"range=\d+-\d+$", r));
        Assert.Equal($"itag=251 range=0-{PieceSize - 1}", _bed.Fake.MediaRequests.First());
    }

    [Fact]
    public async Task A_dropped_connection_resumes_from_the_last_byte_and_the_file_is_whole()
    {
        var expected = _bed.Fake.BytesFor(140);
        _bed.Fake.MediaRoute.Fail(new FakeFault { CutAfterBytes = 1500, Times = 1, FromRequest = 2 });

        var time = new FakeTimeProvider();

        await RunWithClockAsync(Downloader(time).DownloadAsync(MediaUrl(140), expected.LongLength, _bed.Destination), time);

        Assert.Equal(expected, await File.ReadAllBytesAsync(_bed.Destination));
        Assert.Equal(Pieces(expected.LongLength) + 1, _bed.Fake.MediaRoute.Count);
        Assert.Equal($"itag=140 range={PieceSize}-{(2 * PieceSize) - 1}", _bed.Fake.MediaRequests.ElementAt(1));
    }

    [Fact]
    public async Task The_retry_after_a_cut_asks_only_for_the_bytes_still_missing()
    {
        var expected = _bed.Fake.BytesFor(140);
        using var http = new HttpClient(new ClientSideCutHandler(requestNumber: 2, cutAfter: 1500));
        var downloader = new RangedDownloader(http, new RangedDownloadOptions { PieceSize = PieceSize }, new FakeTimeProvider());

        // No clock advance: a retry after progress must not wait for a backoff.
        await downloader.DownloadAsync(MediaUrl(140), expected.LongLength, _bed.Destination);

        Assert.Equal(expected, await File.ReadAllBytesAsync(_bed.Destination));
        Assert.Equal($"itag=140 range={PieceSize + 1500}-{(2 * PieceSize) - 1}", _bed.Fake.MediaRequests.ElementAt(2));
        Assert.Equal(Pieces(expected.LongLength) + 1, downloader.Counter.MediaRequests);
    }

    [Fact]
    public async Task A_stream_shorter_than_its_content_length_fails_and_leaves_no_file()
    {
        var actual = _bed.Fake.BytesFor(251).LongLength;

        var ex = await Assert.ThrowsAsync<DownloadLengthMismatchException>(() => Downloader().DownloadAsync(MediaUrl(251), actual + 5000, _bed.Destination));

        Assert.Equal(actual + 5000, ex.Expected);
        Assert.Equal(actual, ex.Received);
        Assert.False(File.Exists(_bed.Destination));
    }

    [Fact]
    public async Task A_403_on_media_is_not_retried_and_leaves_no_file()
    {
        _bed.Fake.MediaRoute.Fail(new FakeFault { Status = 403 });

        await Assert.ThrowsAsync<MediaForbiddenException>(() => Downloader().DownloadAsync(MediaUrl(251), _bed.Fake.BytesFor(251).LongLength, _bed.Destination));

        Assert.Equal(1, _bed.Fake.MediaRoute.Count);
        Assert.False(File.Exists(_bed.Destination));
    }

    [Fact]
    public async Task Server_errors_are_retried_after_a_backoff_on_the_time_provider()
    {
        // The backoff is the only timer shorter than the day-long stall timeout.
        var time = new WatchedTimeProvider(due => due > TimeSpan.Zero && due < TimeSpan.FromDays(1));
        var expected = _bed.Fake.BytesFor(251);
        _bed.Fake.MediaRoute.Fail(new FakeFault { Status = 503, Times = 2 });

        var download = Downloader(time).DownloadAsync(MediaUrl(251), expected.LongLength, _bed.Destination);

        // Without the clock moving, the first backoff never ends.
        await time.Waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(download.IsCompleted);
        Assert.Equal(1, _bed.Fake.MediaRoute.Count);

        await RunWithClockAsync(download, time);
        Assert.Equal(expected, await File.ReadAllBytesAsync(_bed.Destination));
        Assert.Equal(Pieces(expected.LongLength) + 2, _bed.Fake.MediaRoute.Count);
    }

    [Fact]
    public async Task Retries_are_bounded_and_the_last_error_surfaces()
    {
        _bed.Fake.MediaRoute.Fail(new FakeFault { Status = 500 });

        var ex = await Assert.ThrowsAsync<ServiceException>(() => Downloader(TimeProvider.System, retries: 0).DownloadAsync(MediaUrl(251), 100, _bed.Destination));

        Assert.Contains("500", ex.Message, StringComparison.Ordinal);
        Assert.Equal(("YouTube media", ServiceFailureKind.ServerError), (ex.Service, ex.Kind));
        Assert.Equal(1, _bed.Fake.MediaRoute.Count);
        Assert.False(File.Exists(_bed.Destination));
    }

    [Fact]
    public async Task Without_a_content_length_pieces_are_fetched_until_a_short_one()
    {
        var expected = _bed.Fake.BytesFor(140);

        var length = await Downloader().DownloadAsync(MediaUrl(140), null, _bed.Destination);

        Assert.Equal(expected.LongLength, length);
        Assert.Equal(expected, await File.ReadAllBytesAsync(_bed.Destination));
    }

    [Fact]
    public async Task Cancelling_a_slow_stream_leaves_no_file()
    {
        // The second piece never arrives, so the cancel always lands mid-download, after the first piece was written.
        _bed.Fake.MediaRoute.HoldRequest(2);
        using var cts = new CancellationTokenSource();

        var download = Downloader().DownloadAsync(MediaUrl(251), _bed.Fake.BytesFor(251).LongLength, _bed.Destination, cts.Token);
        await _bed.Fake.MediaRoute.Held.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(File.Exists(_bed.Destination));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => download);
        Assert.False(File.Exists(_bed.Destination));
    }

    [Fact]
    public async Task A_stalled_stream_is_dropped_after_the_stall_timeout_and_resumed()
    {
        var time = new FakeTimeProvider();
        var expected = _bed.Fake.BytesFor(251);

        // The first request gets no byte until released, which the test never does; every later one answers promptly.
        _bed.Fake.MediaRoute.HoldRequest(1);
        // No backoff: the resume needs no further clock move (backoffs have their own test).
        var downloader = new RangedDownloader(_bed.Http, new RangedDownloadOptions { PieceSize = PieceSize, StallTimeout = TimeSpan.FromSeconds(10), BaseDelay = TimeSpan.Zero }, time);

        var download = downloader.DownloadAsync(MediaUrl(251), expected.LongLength, _bed.Destination);
        await _bed.Fake.MediaRoute.Held.WaitAsync(TimeSpan.FromSeconds(30));

        // Only the stall timeout on the fake clock can end the first request. The clock moves once, exactly that far:
        // moving it on would let a healthy later piece look stalled on a slow machine.
        time.Advance(TimeSpan.FromSeconds(10));
        await download.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(expected, await File.ReadAllBytesAsync(_bed.Destination));
        Assert.Equal(Pieces(expected.LongLength) + 1, _bed.Fake.MediaRoute.Count);
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
}

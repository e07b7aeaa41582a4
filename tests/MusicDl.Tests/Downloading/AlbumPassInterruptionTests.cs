using MusicDl.Configuration;
using MusicDl.Downloading;
using MusicDl.Models;
using MusicDl.Output;

namespace MusicDl.Tests.Downloading;

/// <summary>Issue 25: the album pass is part of the run; a signal there ends the run with its real counts.</summary>
public sealed class AlbumPassInterruptionTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly FakeResolver _resolver = new();
    private readonly FakeLibrary _library = new();

    private static Track T(int n, string album) => new()
    {
        Id = $"{n:D4}aaaaaaaaaaaaaaaaaa",
        Title = $"Song {n}",
        Artists = [new ArtistRef("a1", "Artist")],
        Album = new AlbumInfo { Id = album, Name = album },
        TrackNumber = n,
    };

    private DownloadRequest Request(TimeSpan grace, CancellationToken immediate = default)
    {
        var first = new SpotifySource(SourceKind.Album, "first".PadRight(22, 'x'), "test");
        var second = new SpotifySource(SourceKind.Album, "second".PadRight(22, 'x'), "test");
        _resolver.Sources[first.Uri] = new ResolvedSource(first, "first", [SourceEntry.Supported(1, T(1, "first")), SourceEntry.Supported(2, T(2, "first"))]);
        _resolver.Sources[second.Uri] = new ResolvedSource(second, "second", [SourceEntry.Supported(1, T(3, "second"))]);
        return new DownloadRequest([first, second], new MusicDlSettings { Threads = 1 }) { InterruptGrace = grace, Immediate = immediate };
    }

    private Downloader NewDownloader() => new(_resolver, new FakeMatcher(), new FakeProducer(), _library, _library, TimeProvider.System);

    [Fact]
    public async Task A_signal_during_the_album_pass_lets_the_album_in_hand_finish_starts_no_other_and_keeps_the_real_counts()
    {
        using var interrupt = new CancellationTokenSource();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var signalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        var cutShort = true;
        _library.DuringFinish = async (_, ct) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                entered.SetResult();

                // The album in hand is still being written when the signal comes, and goes on to its end.
                await signalled.Task.WaitAsync(Bound, CancellationToken.None);
                cutShort = ct.IsCancellationRequested;
            }
        };

        var run = NewDownloader().RunAsync(Request(TimeSpan.FromMinutes(5)), interrupt.Token);
        await entered.Task.WaitAsync(Bound);
        await interrupt.CancelAsync();
        signalled.SetResult();
        var result = await run.WaitAsync(Bound);

        Assert.False(cutShort);
        Assert.True(result.Interrupted);
        Assert.Equal(ExitCode.Interrupted, result.ExitCode);
        Assert.Equal(3, result.Count(TrackStatus.Downloaded));
        Assert.Equal(1, calls);
        Assert.Equal(2, _library.Finished.Count);
    }

    [Fact]
    public async Task A_second_signal_during_the_album_pass_cuts_it_short_and_the_run_still_returns_its_counts()
    {
        using var interrupt = new CancellationTokenSource();
        using var immediate = new CancellationTokenSource();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _library.DuringFinish = async (_, ct) =>
        {
            entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        };

        var run = NewDownloader().RunAsync(Request(TimeSpan.FromMinutes(5), immediate.Token), interrupt.Token);
        await entered.Task.WaitAsync(Bound);
        await interrupt.CancelAsync();
        await immediate.CancelAsync();
        var result = await run.WaitAsync(Bound);

        Assert.True(result.Interrupted);
        Assert.Equal(3, result.Count(TrackStatus.Downloaded));
        Assert.Empty(_library.Finished);
    }
}

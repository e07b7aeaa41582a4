using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using MusicDl.Library;
using MusicDl.Tests.Caching;
using MusicDl.Tests.TestSupport;

namespace MusicDl.Tests.Library;

public sealed class LibraryLockTests : LibraryTestBase
{
    [Fact]
    public async Task Second_holder_is_refused_with_the_pid_and_the_folder()
    {
        await using var first = await LibraryLock.AcquireAsync(Root);

        var error = await Assert.ThrowsAsync<LibraryLockedException>(() => LibraryLock.AcquireAsync(Root));

        Assert.Equal(Environment.ProcessId, error.Pid);
        Assert.Equal($"another musicdl run (pid {Environment.ProcessId}) is using {Root}", error.Message);
    }

    [Fact]
    public async Task A_second_library_open_is_refused_while_the_first_is_open()
    {
        await using var library = await MusicLibrary.OpenAsync(Root);

        await Assert.ThrowsAsync<LibraryLockedException>(() => MusicLibrary.OpenAsync(Root));
    }

    [Fact]
    public async Task A_shared_hold_on_a_library_without_a_lock_file_is_nothing_and_creates_nothing()
    {
        var shared = await LibraryLock.AcquireSharedAsync(Root);

        Assert.Null(shared);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Root));
    }

    [Fact]
    public async Task A_shared_hold_keeps_a_run_out_and_is_refused_while_a_run_holds_the_lock()
    {
        await (await LibraryLock.AcquireAsync(Root)).DisposeAsync();
        var before = FolderSnapshot.Take(Root);

        await using (var shared = await LibraryLock.AcquireSharedAsync(Root))
        {
            Assert.NotNull(shared);
            await using var other = await LibraryLock.AcquireSharedAsync(Root);
            Assert.NotNull(other);
            await Assert.ThrowsAsync<LibraryLockedException>(() => LibraryLock.AcquireAsync(Root));
        }

        Assert.Equal(before, FolderSnapshot.Take(Root));
        await using var run = await LibraryLock.AcquireAsync(Root);
        await Assert.ThrowsAsync<LibraryLockedException>(() => LibraryLock.AcquireSharedAsync(Root));
    }

    [Fact]
    public async Task Released_lock_can_be_taken_again()
    {
        var first = await LibraryLock.AcquireAsync(Root);
        await first.DisposeAsync();

        await using var second = await LibraryLock.AcquireAsync(Root);
        Assert.Equal(Root, second.Directory);
    }

    [Fact]
    public async Task A_waiting_run_gets_the_lock_when_the_holder_finishes()
    {
        var first = await LibraryLock.AcquireAsync(Root);

        // The waiting run polls on its clock: once it waits for its next try, the holder finishes and the clock moves on.
        var time = new WatchedTimeProvider(due => due > TimeSpan.Zero);
        var waiting = LibraryLock.AcquireAsync(Root, TimeSpan.FromMinutes(1), time);
        await time.ArmedAsync(1).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(waiting.IsCompleted);
        await first.DisposeAsync();
        time.Advance(TimeSpan.FromSeconds(1));

        await using var second = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(Root, second.Directory);
    }

    [Fact]
    public async Task A_run_that_waits_for_the_lock_says_once_whose_lock_it_waits_for_and_how_long()
    {
        var first = await LibraryLock.AcquireAsync(Root);
        var log = new ListLogger();
        await Assert.ThrowsAsync<LibraryLockedException>(() => LibraryLock.AcquireAsync(Root, TimeSpan.Zero, null, log));
        Assert.Empty(log.Entries); // no wait, nothing to say: the refusal is the message

        var time = new WatchedTimeProvider(due => due > TimeSpan.Zero);
        var waiting = LibraryLock.AcquireAsync(Root, TimeSpan.FromMinutes(2), time, log);
        await time.ArmedAsync(1).WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(1));
        await time.ArmedAsync(2).WaitAsync(TimeSpan.FromSeconds(10)); // tried again, still held

        var (level, message) = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Information, level);
        Assert.Matches(
            $@"^Waiting for the library lock held by pid {Environment.ProcessId} \(since \d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d UTC\) on {Regex.Escape(Root)}, up to 2 min$",
            message);
        Assert.False(waiting.IsCompleted);

        await first.DisposeAsync();
        time.Advance(TimeSpan.FromSeconds(1));
        await using var second = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Single(log.Entries);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(long.MaxValue)]
    public async Task Waiting_without_limit_is_accepted(long ticks)
    {
        var first = await LibraryLock.AcquireAsync(Root);

        var time = new WatchedTimeProvider(due => due > TimeSpan.Zero);
        var waiting = LibraryLock.AcquireAsync(Root, ticks < 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromTicks(ticks), time);
        await time.ArmedAsync(1).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(waiting.IsCompleted);
        await first.DisposeAsync();
        time.Advance(TimeSpan.FromSeconds(1));

        await using var second = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(Root, second.Directory);
    }

    [Fact]
    public async Task Lock_held_by_another_process_blocks_and_its_death_frees_it()
    {
        await using (await LibraryLock.AcquireAsync(Root))
        {
            // Creates the lock file the other process locks.
        }

        var lockFile = Path.Combine(Root, LibraryState.FolderName, LibraryLock.LockFileName);
        using var holder = Process.Start(new ProcessStartInfo("flock", ["--exclusive", lockFile, "sleep", "60"]) { UseShellExecute = false })!;
        try
        {
            await WaitUntilLockedAsync();
            await Assert.ThrowsAsync<LibraryLockedException>(() => LibraryLock.AcquireAsync(Root));
        }
        finally
        {
            holder.Kill(entireProcessTree: true);
            await holder.WaitForExitAsync();
        }

        // The holder's child may take a moment to be reaped after the kill; then the OS has dropped the lock.
        await using var mine = await LibraryLock.AcquireAsync(Root, TimeSpan.FromSeconds(20));
        Assert.Equal(Root, mine.Directory);
    }

    private async Task WaitUntilLockedAsync()
    {
        // The child needs a moment to start; poll the lock itself rather than sleeping a fixed time.
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                await using (await LibraryLock.AcquireAsync(Root))
                {
                }
            }
            catch (LibraryLockedException)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("the other process never took the lock");
    }
}

using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace MusicDl.Library;

/// <summary>
/// One run per library: an OS-level exclusive lock on <c>.musicdl/lock</c> (FileShare.None: flock on Unix,
/// a share-mode lock on Windows). The OS drops it when the holder dies, so a stale lock never blocks.
/// The pid is written into the lock file and, because a locked file cannot be read on every OS, into
/// <c>lock.pid</c> beside it for the error message.
/// </summary>
public sealed class LibraryLock : IAsyncDisposable, IDisposable
{
    public const string LockFileName = "lock";
    public const string PidFileName = "lock.pid";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private readonly FileStream _stream;

    private LibraryLock(FileStream stream, string directory)
    {
        _stream = stream;
        Directory = directory;
    }

    /// <summary>The library folder this lock guards.</summary>
    public string Directory { get; }

    /// <summary>
    /// Takes the lock of the library at <paramref name="libraryRoot"/>. When another process holds it, waits up to
    /// <paramref name="wait"/> (zero: not at all; <see cref="Timeout.InfiniteTimeSpan"/>: without limit), then throws <see cref="LibraryLockedException"/> with its pid.
    /// When it starts to wait it tells <paramref name="logger"/> whose lock it waits for.
    /// </summary>
    public static async Task<LibraryLock> AcquireAsync(
        string libraryRoot,
        TimeSpan wait = default,
        TimeProvider? time = null,
        ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(libraryRoot);
        var root = Path.GetFullPath(libraryRoot);
        var folder = Path.Combine(root, LibraryState.FolderName);
        System.IO.Directory.CreateDirectory(folder);
        var lockPath = Path.Combine(folder, LockFileName);
        var stream = await WaitAsync(
            root,
            () => new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None),
            wait,
            time ?? TimeProvider.System,
            logger,
            cancellationToken);
        try
        {
            await WritePidAsync(stream, folder, cancellationToken);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }

        return new LibraryLock(stream, root);
    }

    /// <summary>
    /// A shared hold on an existing lock, for reading the state without writing anything: it keeps a run from starting
    /// while held and is refused (after <paramref name="wait"/>) while a run holds the lock. Creates nothing: null
    /// when the library has no lock file (no run ever opened it).
    /// </summary>
    public static async Task<LibraryLock?> AcquireSharedAsync(
        string libraryRoot,
        TimeSpan wait = default,
        TimeProvider? time = null,
        ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(libraryRoot);
        var root = Path.GetFullPath(libraryRoot);
        var lockPath = Path.Combine(root, LibraryState.FolderName, LockFileName);
        try
        {
            // FileShare.Read asks for a shared flock on Unix (a read-share mode on Windows): it excludes the run's
            // exclusive lock but not other readers, and opening without FileMode.Create writes nothing.
            var stream = await WaitAsync(
                root,
                () => new FileStream(lockPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None),
                wait,
                time ?? TimeProvider.System,
                logger,
                cancellationToken);
            return new LibraryLock(stream, root);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        _stream.Dispose();
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();

    private static async Task<FileStream> WaitAsync(
        string root,
        Func<FileStream> open,
        TimeSpan wait,
        TimeProvider time,
        ILogger? logger,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();

        // Timeout.InfiniteTimeSpan or any span past the calendar's end: wait as long as it takes.
        var deadline = wait < TimeSpan.Zero || wait > DateTimeOffset.MaxValue - now ? DateTimeOffset.MaxValue : now + wait;
        var told = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return open();
            }
            catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
            {
                if (time.GetUtcNow() >= deadline)
                {
                    throw new LibraryLockedException(root, ReadPid(Path.Combine(root, LibraryState.FolderName)), e);
                }

                if (!told)
                {
                    // Said once, when the wait starts: a run that sits idle (in a cron log, say) shows whose run it waits for.
                    told = true;
                    TellWaiting(logger, root, deadline == DateTimeOffset.MaxValue ? null : wait);
                }
            }

            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }

    private static void TellWaiting(ILogger? logger, string root, TimeSpan? wait)
    {
        if (logger is null)
        {
            return;
        }

        var folder = Path.Combine(root, LibraryState.FolderName);
        var holder = ReadPid(folder) is { } pid ? $"pid {pid.ToString(CultureInfo.InvariantCulture)}" : "another musicdl run (pid unknown)";
        var since = HeldSince(folder) is { } start ? $" (since {start.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC)" : "";
        var limit = wait is { } w ? $"up to {FormatWait(w)}" : "without a time limit";
        logger.LogInformation("Waiting for the library lock held by {Holder}{Since} on {Library}, {Limit}", holder, since, root, limit);
    }

    /// <summary>When the holder took the lock: it wrote its pid file right after.</summary>
    private static DateTime? HeldSince(string folder)
    {
        try
        {
            var path = Path.Combine(folder, PidFileName);
            return File.Exists(path) ? File.GetLastWriteTimeUtc(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string FormatWait(TimeSpan wait) =>
        wait.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{wait.TotalHours:0.#} h")
        : wait.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{wait.TotalMinutes:0.#} min")
        : string.Create(CultureInfo.InvariantCulture, $"{wait.TotalSeconds:0.#} s");

    private static async Task WritePidAsync(FileStream stream, string folder, CancellationToken cancellationToken)
    {
        var pid = Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
        stream.SetLength(0);
        await stream.WriteAsync(pid, cancellationToken);
        await stream.FlushAsync(cancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(folder, PidFileName), pid, cancellationToken);
    }

    private static int? ReadPid(string folder)
    {
        try
        {
            var text = File.ReadAllText(Path.Combine(folder, PidFileName)).Trim();
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}

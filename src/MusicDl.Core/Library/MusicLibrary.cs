using System.Text;
using Microsoft.Extensions.Logging;
using MusicDl.Caching;

namespace MusicDl.Library;

/// <summary>
/// The library folder as the pipeline uses it: holds the lock, keeps the state, claims collision-free paths, finds
/// tracks already present (moving or copying them after a template change), and places files atomically: every file
/// is written under a hidden temporary name in its final folder, flushed, then renamed into place.
/// </summary>
public sealed class MusicLibrary : IAsyncDisposable
{
    private readonly LibraryLock? _lock;
    private readonly TimeProvider _time;
    private readonly TrackLocator _locator;

    private MusicLibrary(string root, LibraryLock? libraryLock, LibraryState state, FileExistence existence, TimeProvider time)
    {
        Root = root;
        _lock = libraryLock;
        State = state;
        Existence = existence;
        _time = time;
        _locator = new TrackLocator(this, time);
    }

    /// <summary>The library folder (absolute).</summary>
    public string Root { get; }

    public LibraryState State { get; }

    public FileExistence Existence { get; }

    /// <summary>Opened by <see cref="OpenReadOnlyAsync"/>: answers questions, refuses to change anything on disk.</summary>
    public bool IsReadOnly => _lock is null;

    /// <summary>Temporary files of an earlier, interrupted run that opening removed.</summary>
    public IReadOnlyList<string> RemovedTempFiles { get; private set; } = [];

    /// <summary>
    /// Opens the library at <paramref name="root"/>: takes the lock (waiting up to <paramref name="lockWait"/>, else
    /// <see cref="LibraryLockedException"/>; <paramref name="logger"/> hears when the wait starts), opens the state
    /// and removes the temporary files it lists, only those.
    /// </summary>
    public static async Task<MusicLibrary> OpenAsync(
        string root,
        ICacheRegion<bool>? fileExistence = null,
        TimeSpan lockWait = default,
        TimeProvider? time = null,
        ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        time ??= TimeProvider.System;
        var fullRoot = Path.GetFullPath(root);
        Directory.CreateDirectory(fullRoot);
        var libraryLock = await LibraryLock.AcquireAsync(fullRoot, lockWait, time, logger, cancellationToken);
        LibraryState? state = null;
        try
        {
            state = await LibraryState.OpenAsync(fullRoot, time, cancellationToken);
            await state.EnsureWritableAsync(Path.Combine(fullRoot, LibraryState.FolderName, LibraryState.FileName), lockWait, cancellationToken);
            var library = new MusicLibrary(fullRoot, libraryLock, state, new FileExistence(fileExistence), time);
            library.RemovedTempFiles = await library.RemoveLeftoverTempFilesAsync(cancellationToken);
            return library;
        }
        catch
        {
            if (state is not null)
            {
                await state.DisposeAsync();
            }

            await libraryLock.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Opens the library at <paramref name="root"/> for a dry run, leaving its folder exactly as it is: nothing is
    /// created (not even the folder), no temporary file is cleaned up, and the state is a private in-memory copy of
    /// the current one (empty when there is none), so "present?" gets the answer a real run would get. While the copy
    /// is taken the lock is held shared: a running sync makes this wait up to <paramref name="lockWait"/>, else
    /// <see cref="LibraryLockedException"/>, rather than read a state in the middle of a write.
    /// </summary>
    public static async Task<MusicLibrary> OpenReadOnlyAsync(
        string root,
        ICacheRegion<bool>? fileExistence = null,
        TimeSpan lockWait = default,
        TimeProvider? time = null,
        ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        time ??= TimeProvider.System;
        var fullRoot = Path.GetFullPath(root);
        LibraryState state;
        await using (await LibraryLock.AcquireSharedAsync(fullRoot, lockWait, time, logger, cancellationToken))
        {
            state = await LibraryState.OpenSnapshotAsync(fullRoot, time, cancellationToken);
        }

        return new MusicLibrary(fullRoot, null, state, new FileExistence(fileExistence), time);
    }

    /// <summary>The absolute path of a library path; throws if it would leave the library.</summary>
    public string FullPath(string relativePath) => LibraryPaths.Resolve(Root, relativePath);

    /// <summary>The collision-free path for the track (" (2)" when another track has it), stable across runs.</summary>
    public Task<string> ClaimPathAsync(string trackId, string renderedPath, CancellationToken cancellationToken = default) =>
        State.ClaimPathAsync(trackId, renderedPath, cancellationToken);

    public Task<bool> ExistsAsync(string relativePath, CancellationToken cancellationToken = default) =>
        Existence.ExistsAsync(FullPath(relativePath), cancellationToken);

    /// <summary><see cref="ExistsAsync"/> for a file the caller has just seen on disk (<see cref="FileExistence.ExistsSeenAsync"/>).</summary>
    internal Task<bool> ExistsSeenAsync(string relativePath, CancellationToken cancellationToken = default) =>
        Existence.ExistsSeenAsync(FullPath(relativePath), cancellationToken);

    /// <summary>
    /// Finds the track in the library without any network call. Present at its path: <see cref="LocateStatus.Present"/>.
    /// At the path of an older template and wanted by no other source: moved here. Elsewhere (another source's path,
    /// or an older template another source still wants): hard-linked or copied here. A different format never counts.
    /// </summary>
    /// <param name="source">The source asking (a spotify: URI), or null when none is known.</param>
    public async Task<LocateResult> LocateAsync(PlacementRequest request, string? source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EnsureWritable();
        return await _locator.LocateAsync(request, source, cancellationToken);
    }

    /// <summary>
    /// A new hidden temporary path in the folder of <paramref name="relativeFinalPath"/>, recorded in the state
    /// before anything is written so a crash leaves a note to clean up. The file itself is not created. Intermediate
    /// files named "<temp>.<anything>" count as part of it: discarding or the next start removes them too.
    /// </summary>
    public async Task<string> CreateTempFileAsync(string relativeFinalPath, CancellationToken cancellationToken = default)
    {
        EnsureWritable();
        var final = FullPath(relativeFinalPath);
        var folder = Path.GetDirectoryName(final)!;
        var temp = TempFiles.NewPath(folder);
        await State.RecordTempAsync(temp, cancellationToken);
        try
        {
            // Proved writable now, before a download is spent on it: a folder that refuses files stops the run.
            Directory.CreateDirectory(folder);
            File.Create(temp).Dispose();
            File.Delete(temp);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await State.ForgetTempAsync(temp, CancellationToken.None);
            throw new LibraryUnusableException($"cannot write in the library folder {folder}: {ex.Message}", ex);
        }

        return temp;
    }

    /// <summary>Deletes a temporary file that will not be placed (a failed or cancelled download).</summary>
    public async Task DiscardAsync(string tempPath, CancellationToken cancellationToken = default)
    {
        TempFiles.DeleteWithDerived(tempPath);
        await State.ForgetTempAsync(tempPath, CancellationToken.None);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// Flushes <paramref name="tempPath"/> to disk, renames it onto the request's path (replacing an older file there)
    /// and records it in the state. After this no temporary file remains.
    /// </summary>
    public async Task<PlacedFile> CommitAsync(string tempPath, PlacementRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        EnsureWritable();
        var final = FullPath(request.RelativePath);
        try
        {
            await TempFiles.FlushAndMoveAsync(tempPath, final);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new LibraryUnusableException($"cannot place {final}: {ex.Message}", ex);
        }

        var info = new FileInfo(final);
        var placed = new PlacedFile
        {
            Path = request.RelativePath,
            TrackId = request.TrackId,
            Format = request.Format,
            Sources = request.Sources,
            VideoId = request.VideoId,
            TagFingerprint = request.TagFingerprint,
            Size = info.Length,
            ModifiedAt = info.LastWriteTimeUtc,
            PlacedAt = _time.GetUtcNow(),
            Template = request.Template,
            MissingParts = request.MissingParts,
        };

        // The file is in place; the bookkeeping must not be cut short by a cancellation now.
        await State.RecordPlacedAsync(placed, CancellationToken.None);
        await State.ForgetTempAsync(tempPath, CancellationToken.None);
        await Existence.MarkCreatedAsync(final, CancellationToken.None);
        foreach (var source in request.Sources)
        {
            await _locator.ReleaseSupersededAsync(request, source, CancellationToken.None);
        }

        return placed;
    }

    /// <summary>
    /// Puts the file at <paramref name="fromRelativePath"/> also at the request's path: a hard link where the file
    /// system allows, else a copy; through a temporary name like every placement.
    /// </summary>
    public async Task<PlacedFile> PlaceCopyAsync(string fromRelativePath, PlacementRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var from = FullPath(fromRelativePath);
        var temp = await CreateTempFileAsync(request.RelativePath, cancellationToken);
        try
        {
            if (!HardLink.TryCreate(from, temp))
            {
                File.Copy(from, temp);
            }

            var placed = await CommitAsync(temp, request, cancellationToken);
            LyricsSidecar.Copy(from, FullPath(request.RelativePath));
            return placed;
        }
        catch
        {
            await DiscardAsync(temp, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Deletes a placed file (sync pruning) and forgets it; false when there was no file.</summary>
    public async Task<bool> RemoveFileAsync(string relativePath, CancellationToken cancellationToken = default)
    {
        EnsureWritable();
        var full = FullPath(relativePath);
        var existed = File.Exists(full);
        File.Delete(full);
        LyricsSidecar.DeleteIfAlone(full);
        await State.RemoveAsync(relativePath, cancellationToken);
        await Existence.MarkDeletedAsync(full, CancellationToken.None);
        return existed;
    }

    /// <summary>
    /// Sync pruning: every file <paramref name="source"/> asked for whose track it no longer lists loses that source;
    /// a file no source wants any more is deleted. Returns the deleted paths (with <paramref name="dryRun"/>, the paths
    /// that would be deleted, and nothing changes).
    /// </summary>
    public async Task<IReadOnlyList<string>> PruneAsync(string source, IReadOnlySet<string> currentTrackIds, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(currentTrackIds);
        if (!dryRun)
        {
            EnsureWritable();
        }

        var deleted = new List<string>();
        foreach (var file in await State.GetBySourceAsync(source, cancellationToken))
        {
            if (currentTrackIds.Contains(file.TrackId))
            {
                continue;
            }

            if (file.Sources.Count > 1)
            {
                if (!dryRun)
                {
                    await State.RemoveSourceAsync(file.Path, source, cancellationToken);
                }

                continue;
            }

            if (dryRun)
            {
                deleted.Add(file.Path);
                continue;
            }

            await RemoveFileAsync(file.Path, cancellationToken);
            DeleteEmptyFolders(Path.GetDirectoryName(FullPath(file.Path))!);
            deleted.Add(file.Path);
        }

        return deleted;
    }

    /// <summary>Writes (or rewrites) the playlist file <paramref name="relativePath"/> atomically.</summary>
    public async Task<string> WriteM3uAsync(string relativePath, IEnumerable<M3uEntry> entries, CancellationToken cancellationToken = default)
    {
        var final = FullPath(relativePath);
        if (Output.NamedFile.WriteProblem(final) is { } problem)
        {
            // Only an absent or regular file is replaced: a device, FIFO, folder or symlink there is left alone.
            throw new IOException($"cannot write the playlist '{final}': it {problem}");
        }

        var temp = await CreateTempFileAsync(relativePath, cancellationToken);
        try
        {
            await File.WriteAllTextAsync(temp, M3uWriter.Render(final, entries), new UTF8Encoding(false), cancellationToken);
            await TempFiles.FlushAndMoveAsync(temp, final);
            await State.ForgetTempAsync(temp, CancellationToken.None);
            return final;
        }
        catch
        {
            await DiscardAsync(temp, CancellationToken.None);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await State.DisposeAsync();
        if (_lock is not null)
        {
            await _lock.DisposeAsync();
        }
    }

    // A dry run must leave the folder as it found it; a write reaching a read-only library is a bug, so it fails
    // loudly instead of happening.
    private void EnsureWritable()
    {
        if (IsReadOnly)
        {
            throw new InvalidOperationException($"the library {Root} is open read-only (dry run); nothing may be written to it.");
        }
    }

    /// <summary>Removes <paramref name="folder"/> and its parents while they are empty, up to the library root.</summary>
    internal void DeleteEmptyFolders(string folder)
    {
        var root = Path.TrimEndingDirectorySeparator(Root);
        while (folder.Length > root.Length && folder.StartsWith(root, StringComparison.Ordinal)
            && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
            folder = Path.GetDirectoryName(folder)!;
        }
    }

    private async Task<IReadOnlyList<string>> RemoveLeftoverTempFilesAsync(CancellationToken cancellationToken)
    {
        var removed = new List<string>();
        foreach (var temp in await State.GetTempFilesAsync(cancellationToken))
        {
            // Only what this library recorded, and only beneath it.
            if (temp.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                removed.AddRange(TempFiles.DeleteWithDerived(temp));
            }

            await State.ForgetTempAsync(temp, cancellationToken);
        }

        return removed;
    }
}

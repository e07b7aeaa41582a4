namespace MusicDl.Library;

/// <summary>
/// Finds a track already in the library for <see cref="MusicLibrary.LocateAsync"/>, with no network call, and brings
/// it to the path asked for: adopts a file musicdl did not place, moves it after a template change, or links/copies it
/// from another source's path; and lets go of copies at an older template's path that no source wants any more.
/// Kept apart from the library's atomic placement, which it uses.
/// </summary>
internal sealed class TrackLocator(MusicLibrary library, TimeProvider time)
{
    private readonly MusicLibrary _library = library;
    private readonly TimeProvider _time = time;

    public async Task<LocateResult> LocateAsync(PlacementRequest request, string? source, CancellationToken cancellationToken)
    {
        var path = request.RelativePath;
        var record = await _library.State.GetAsync(path, cancellationToken);
        if (await _library.ExistsAsync(path, cancellationToken) && (record is null || (record.TrackId == request.TrackId && record.Format == request.Format)))
        {
            if (record is null)
            {
                // A file musicdl did not place (an older library, another tool): skip mode leaves it alone, and
                // recording it lets metadata mode and pruning know it from now on.
                await AdoptAsync(request, source, cancellationToken);
            }
            else if (source is not null)
            {
                await _library.State.AddSourceAsync(path, source, cancellationToken);
            }

            await ReleaseSupersededAsync(request, source, cancellationToken);
            return new LocateResult(LocateStatus.Present, path);
        }

        var candidates = new List<PlacedFile>();
        foreach (var file in await _library.State.GetByTrackAsync(request.TrackId, cancellationToken))
        {
            if (file.Format == request.Format && file.Path != path && await _library.ExistsAsync(file.Path, cancellationToken))
            {
                candidates.Add(file);
            }
        }

        // A file at an older template's path, or at the path a public page's details gave (no album, no number) now
        // that the Web API gave them: moved, not copied.
        var older = candidates.Find(f => (f.Template != request.Template || f.MissingParts.Contains(FileParts.Details))
            && ((source is not null && f.Sources.Contains(source)) || f.Sources.Count == 0));
        if (older is not null && older.Sources.All(s => s == source))
        {
            await MoveAsync(older, request, source, cancellationToken);
            return new LocateResult(LocateStatus.Moved, path, older.Path);
        }

        var from = older ?? candidates.FirstOrDefault();
        if (from is null)
        {
            return new LocateResult(LocateStatus.Absent, path);
        }

        await _library.PlaceCopyAsync(from.Path, request with { Sources = source is null ? [] : [source], VideoId = from.VideoId, TagFingerprint = from.TagFingerprint }, cancellationToken);
        if (older is not null && source is not null)
        {
            await _library.State.RemoveSourceAsync(older.Path, source, cancellationToken);
        }

        return new LocateResult(LocateStatus.Copied, path, from.Path);
    }

    private async Task AdoptAsync(PlacementRequest request, string? source, CancellationToken cancellationToken)
    {
        var info = new FileInfo(_library.FullPath(request.RelativePath));
        await _library.State.RecordPlacedAsync(
            new PlacedFile
            {
                Path = request.RelativePath,
                TrackId = request.TrackId,
                Format = request.Format,
                Sources = source is null ? [] : [source],
                Template = request.Template,
                Size = info.Length,
                ModifiedAt = info.LastWriteTimeUtc,
                PlacedAt = _time.GetUtcNow(),
            },
            cancellationToken);
    }

    private async Task MoveAsync(PlacedFile older, PlacementRequest request, string? source, CancellationToken cancellationToken)
    {
        var from = _library.FullPath(older.Path);
        var to = _library.FullPath(request.RelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Move(from, to, overwrite: false);
        LyricsSidecar.Move(from, to);
        var info = new FileInfo(to);
        await _library.State.RecordPlacedAsync(
            older with
            {
                Path = request.RelativePath,
                Template = request.Template,
                Sources = source is null ? older.Sources : [.. older.Sources.Append(source).Distinct()],
                Size = info.Length,
                ModifiedAt = info.LastWriteTimeUtc,
            },
            CancellationToken.None);
        await _library.State.RemoveAsync(older.Path, CancellationToken.None);
        await _library.Existence.MarkDeletedAsync(from, CancellationToken.None);
        await _library.Existence.MarkCreatedAsync(to, CancellationToken.None);
        _library.DeleteEmptyFolders(Path.GetDirectoryName(from)!);
        cancellationToken.ThrowIfCancellationRequested();
    }

    // After a template change: a copy of the track at an older template's path that this source asked for is no
    // longer wanted by it; once no source wants it, it goes (the new path has the file).
    public async Task ReleaseSupersededAsync(PlacementRequest request, string? source, CancellationToken cancellationToken)
    {
        if (request.Template is null || source is null)
        {
            // Without a template there is no "older template" to tell apart.
            return;
        }

        foreach (var file in await _library.State.GetByTrackAsync(request.TrackId, cancellationToken))
        {
            if (file.Path == request.RelativePath || file.Format != request.Format || file.Template == request.Template || !file.Sources.Contains(source))
            {
                continue;
            }

            if (file.Sources.Count > 1)
            {
                await _library.State.RemoveSourceAsync(file.Path, source, cancellationToken);
            }
            else
            {
                await _library.RemoveFileAsync(file.Path, cancellationToken);
                _library.DeleteEmptyFolders(Path.GetDirectoryName(_library.FullPath(file.Path))!);
            }
        }
    }
}

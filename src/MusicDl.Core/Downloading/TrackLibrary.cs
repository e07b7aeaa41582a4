using MusicDl.Configuration;
using MusicDl.Library;
using MusicDl.Models;
using MusicDl.Tagging;

namespace MusicDl.Downloading;

/// <summary>
/// The pipeline's port onto the library, its placement and state: renders each track's path(s) from the template (one
/// per source context when the template names {playlist}), claims them, finds tracks present, places new ones (a
/// hidden temporary file the audio is produced and tagged in, renamed into place, the other paths linked) and writes
/// M3U files. Tags are <see cref="TrackTagger"/>'s. Paths handed back are absolute. Paths render from the track as the
/// source listed it, so the skip check needs no network and gives the same answer as the store.
/// </summary>
public sealed class TrackLibrary : ITrackLibrary
{
    private readonly MusicLibrary _library;
    private readonly PathTemplate _template;
    private readonly AudioFormat _format;
    private readonly bool _dryRun;
    private readonly bool _replayGain;

    // The state rows of the run's tracks, read once (PrepareAsync); each track's taken at its first inspection.
    private StateIndex? _index;

    /// <param name="dryRun">Inspect only: claim, move or copy nothing (always so over a read-only library).</param>
    /// <param name="replayGain">Whether the run's album pass writes album gains: without it an album gain owed is not asked for.</param>
    public TrackLibrary(MusicLibrary library, PathTemplate template, AudioFormat format, bool dryRun = false, bool replayGain = false)
    {
        _library = library;
        _template = template;
        _format = format;
        _dryRun = dryRun || library.IsReadOnly;
        _replayGain = replayGain;
    }

    /// <summary>The library on disk and its state (the tagger reads and records in it).</summary>
    internal MusicLibrary Files => _library;

    internal AudioFormat Format => _format;

    internal bool IsDryRun => _dryRun;

    public async Task PrepareAsync(IReadOnlyList<PlannedTrack> planned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(planned);
        if (_dryRun || planned.Count == 0)
        {
            return;
        }

        try
        {
            _index = await _library.State.ReadIndexAsync(planned.Select(p => p.Track.Id).ToArray(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Only a shortcut: without it each track asks the state itself, and reports a failure there as its own.
            _index = null;
        }
    }

    public async Task<LibraryPresence> InspectAsync(PlannedTrack track, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        if (await PresentByIndexAsync(track, cancellationToken) is { } known)
        {
            return known;
        }

        var targets = await TargetsAsync(track, cancellationToken);
        var present = true;
        foreach (var (path, sources) in targets)
        {
            present &= _dryRun
                ? await WouldBePresentAsync(track.Track.Id, path, cancellationToken)
                : await LocateAllAsync(Request(track.Track.Id, path), sources, cancellationToken);
        }

        var presence = Presence(present, targets);
        if (!present || _dryRun)
        {
            return presence;
        }

        // A file placed without a part (its cover could not be fetched) is incomplete: the pipeline re-tags it.
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (path, _) in targets)
        {
            if (await _library.State.GetAsync(path, cancellationToken) is { } record)
            {
                missing.UnionWith(record.MissingParts);
            }
        }

        if (!_replayGain)
        {
            // Without ReplayGain no album pass runs: an album gain owed cannot be paid, so it is not asked for.
            missing.Remove(FileParts.AlbumGain);
        }

        return presence with { MissingParts = missing.ToArray() };
    }

    /// <summary>
    /// The answer of the state path below for a track whose every target is claimed, recorded for it in this format
    /// with each of its sources, on disk, and superseding no older file: read from the run's <see cref="StateIndex"/>
    /// with no query. Null whenever the state path might do more than read (claim, adopt, add a source, move, copy,
    /// release): that path then answers.
    /// </summary>
    private async Task<LibraryPresence?> PresentByIndexAsync(PlannedTrack track, CancellationToken cancellationToken)
    {
        // The index holds a track's rows as they were before the track was processed: good for its first inspection only.
        if (_index?.Take(track.Track.Id) is not { Files.Count: > 0 } rows)
        {
            return null;
        }

        var files = rows.Files;

        var targets = new List<(string Path, IReadOnlyList<string> Sources)>(1);
        var contexts = track.Contexts.Count > 0 ? track.Contexts.Select(c => (Source: (ResolvedSource?)c.Source, c.Position)) : [(null, 0)];
        foreach (var (source, position) in contexts)
        {
            if (rows.ExistingClaim(Render(track.Track, source, position)) is not { } path)
            {
                return null;
            }

            var at = targets.FindIndex(t => t.Path == path);
            if (at < 0)
            {
                targets.Add((path, []));
                at = targets.Count - 1;
            }

            if (source is not null && !targets[at].Sources.Contains(source.Source.Uri))
            {
                targets[at] = (path, [.. targets[at].Sources, source.Source.Uri]);
            }
        }

        var missing = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (path, sources) in targets)
        {
            var record = files.FirstOrDefault(f => f.Path == path);
            if (record is null || record.Format != _format || !File.Exists(_library.FullPath(path)))
            {
                return null;
            }

            foreach (var source in sources)
            {
                if (!record.Sources.Contains(source) || files.Any(f => f.Path != path && f.Format == _format && f.Template != _template.Text && f.Sources.Contains(source)))
                {
                    return null;
                }
            }

            missing.UnionWith(record.MissingParts);
        }

        // The existence look-ups the state path makes (one per target and source), so the cache counts stay the same;
        // each file was just seen on disk above, so a miss asks the disk no second time.
        foreach (var (path, sources) in targets)
        {
            for (var i = 0; i < Math.Max(1, sources.Count); i++)
            {
                if (!await _library.ExistsSeenAsync(path, cancellationToken))
                {
                    return null;
                }
            }
        }

        return Presence(true, targets) with { MissingParts = missing.ToArray() };
    }

    public async Task<StagedTrack> StageAsync(PlannedTrack track, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        var targets = await TargetsAsync(track, cancellationToken);
        var temp = await _library.CreateTempFileAsync(targets[0].Path, cancellationToken);
        return new StagedTrack(track, targets, temp);
    }

    public Task DiscardAsync(StagedTrack staged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staged);
        return _library.DiscardAsync(staged.TempPath, cancellationToken);
    }

    public async Task<KnownTags> PlaceAsync(StagedTrack staged, Track full, string? videoId, TaggedFile tagged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staged);
        ArgumentNullException.ThrowIfNull(full);
        ArgumentNullException.ThrowIfNull(tagged);
        var (primary, primarySources) = staged.Targets[0];
        var placed = await _library.CommitAsync(
            staged.TempPath,
            Request(full.Id, primary) with { Sources = primarySources, VideoId = videoId, TagFingerprint = tagged.Fingerprint, MissingParts = tagged.Missing },
            cancellationToken);
        return new KnownTags(placed.TagFingerprint!, placed.Size, placed.ModifiedAt.ToUnixTimeMilliseconds());
    }

    public async Task<IReadOnlyList<string>> PlaceCopiesAsync(StagedTrack staged, Track full, string? videoId, TaggedFile tagged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staged);
        ArgumentNullException.ThrowIfNull(full);
        ArgumentNullException.ThrowIfNull(tagged);
        var primary = staged.Targets[0].Path;
        foreach (var (path, sources) in staged.Targets.Skip(1))
        {
            await _library.PlaceCopyAsync(
                primary,
                Request(full.Id, path) with { Sources = sources, VideoId = videoId, TagFingerprint = tagged.Fingerprint, MissingParts = tagged.Missing },
                cancellationToken);
        }

        var paths = staged.Targets.Select(t => _library.FullPath(t.Path)).ToArray();
        if (tagged.Sidecar is not null)
        {
            foreach (var path in paths)
            {
                await LyricsSidecar.WriteAsync(path, tagged.Sidecar, cancellationToken);
            }
        }

        return paths;
    }

    public async Task WritePlaylistAsync(ResolvedSource source, IReadOnlyDictionary<string, string> pathsByTrackId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(pathsByTrackId);
        var entries = new List<M3uEntry>();
        foreach (var entry in source.Entries)
        {
            if (!entry.IsSupported || !pathsByTrackId.TryGetValue(entry.Track!.Id, out var fallback))
            {
                continue;
            }

            // With a {playlist} template the track has a path per list; the M3U points at this list's copy.
            var mine = await _library.State.FindClaimAsync(entry.Track.Id, Render(entry.Track, source, entry.Position), cancellationToken);
            var path = mine is not null && File.Exists(_library.FullPath(mine)) ? _library.FullPath(mine) : fallback;
            entries.Add(new M3uEntry(path, entry.Track.Duration, entry.Track.ArtistsJoined, entry.Track.Title));
        }

        await _library.WriteM3uAsync(M3uWriter.FileNameFor(source.Name), entries, cancellationToken);
    }

    private PlacementRequest Request(string trackId, string path) => new(path, trackId, _format) { Template = _template.Text };

    private string Render(Track track, ResolvedSource? source, int position) =>
        _template.Render(track, TemplateContext.For(_format) with
        {
            PlaylistName = source?.Name,
            PlaylistPosition = source is null ? null : position,
            PlaylistLength = source?.Entries.Count,
        });

    // One target per distinct rendered path, with the sources that want it; the first is where the download goes.
    internal async Task<List<(string Path, IReadOnlyList<string> Sources)>> TargetsAsync(PlannedTrack track, CancellationToken cancellationToken)
    {
        var contexts = track.Contexts.Count > 0 ? track.Contexts.Select(c => (Source: (ResolvedSource?)c.Source, c.Position)) : [(null, 0)];
        var targets = new List<(string Path, List<string> Sources)>();
        foreach (var (source, position) in contexts)
        {
            var rendered = Render(track.Track, source, position);
            var path = _dryRun
                ? await _library.State.FindClaimAsync(track.Track.Id, rendered, cancellationToken) ?? rendered
                : await _library.ClaimPathAsync(track.Track.Id, rendered, cancellationToken);
            var target = targets.Find(t => t.Path == path);
            if (target.Path is null)
            {
                target = (path, []);
                targets.Add(target);
            }

            if (source is not null && !target.Sources.Contains(source.Source.Uri))
            {
                target.Sources.Add(source.Source.Uri);
            }
        }

        return targets.Select(t => (t.Path, (IReadOnlyList<string>)t.Sources)).ToList();
    }

    private async Task<bool> LocateAllAsync(PlacementRequest request, IReadOnlyList<string?> sources, CancellationToken cancellationToken)
    {
        var inPlace = true;
        foreach (var source in sources.Count > 0 ? sources : [null])
        {
            inPlace &= (await _library.LocateAsync(request, source, cancellationToken)).IsInPlace;
        }

        return inPlace;
    }

    private async Task<bool> WouldBePresentAsync(string trackId, string path, CancellationToken cancellationToken) =>
        await _library.ExistsAsync(path, cancellationToken)
        || (await _library.State.GetByTrackAsync(trackId, cancellationToken)).Any(f => f.Format == _format && File.Exists(_library.FullPath(f.Path)));

    private LibraryPresence Presence(bool present, List<(string Path, IReadOnlyList<string> Sources)> targets)
    {
        var paths = targets.Select(t => _library.FullPath(t.Path)).ToArray();
        return new LibraryPresence(present, paths[0], paths);
    }
}

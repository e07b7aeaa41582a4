using MusicDl.Audio;
using MusicDl.Caching;
using MusicDl.Configuration;
using MusicDl.Http;
using MusicDl.Library;
using MusicDl.Models;
using MusicDl.Tagging;
using MusicDl.YouTube.Matching;

namespace MusicDl.Downloading;

/// <summary>
/// The pipeline's port onto the library: renders each track's path(s) from the template (one per source context
/// when the template names {playlist}), claims them, finds tracks present, stores new ones (produce into a hidden
/// temporary file, tag, rename into place, link the other paths), re-tags in metadata mode and writes M3U files.
/// Paths handed back are absolute. Paths render from the track as the source listed it, so the skip check needs
/// no network and gives the same answer as the store.
/// </summary>
public sealed class TrackLibrary : ITrackLibrary
{
    private readonly MusicLibrary _library;
    private readonly PathTemplate _template;
    private readonly AudioFormat _format;
    private readonly ITagWriter _writer;
    private readonly CoverArtProvider? _covers;
    private readonly Retagger _retagger;
    private readonly bool _dryRun;
    private readonly TrackExtrasSource? _extras;
    private readonly LyricsMode _lyricsMode;
    private readonly AudioConverter? _meter;
    private readonly bool _replayGain;
    private readonly TagsWrittenThisRun? _written;
    private readonly IReadOnlyList<ServiceHealth> _services;
    private readonly AudioConverter? _albumMeter;

    // The state rows of the run's tracks, read once (PrepareAsync); each track's taken at its first inspection.
    private StateIndex? _index;

    // Tracks whose loudness this run measured (downloaded or measured anew): their album is measured again.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _measuredThisRun = new(StringComparer.Ordinal);

    /// <param name="dryRun">Inspect only: claim, move or copy nothing (always so over a read-only library).</param>
    /// <param name="services">The optional services' records: each counts the tracks placed or re-tagged without its part.</param>
    public TrackLibrary(
        MusicLibrary library,
        PathTemplate template,
        AudioFormat format,
        ITagWriter writer,
        CoverArtProvider? covers = null,
        ICacheRegion<KnownTags>? tagsRegion = null,
        bool dryRun = false,
        TrackExtrasSource? extras = null,
        LyricsMode lyricsMode = LyricsMode.Embed,
        AudioConverter? loudnessMeter = null,
        bool replayGain = false,
        AudioConverter? albumMeter = null,
        IReadOnlyList<ServiceHealth>? services = null)
    {
        _library = library;
        _template = template;
        _format = format;
        _writer = writer;
        _covers = covers;
        _retagger = new Retagger(writer, library, tagsRegion);
        _dryRun = dryRun || library.IsReadOnly;
        _extras = extras;
        _lyricsMode = lyricsMode;
        _meter = loudnessMeter;
        _replayGain = replayGain || loudnessMeter is not null;
        _written = _replayGain && !_dryRun ? new TagsWrittenThisRun() : null;
        _albumMeter = albumMeter ?? loudnessMeter;
        _services = services ?? [];
    }

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

    public async Task ProbeBacklogAsync(CancellationToken cancellationToken)
    {
        if (_extras is null || _dryRun)
        {
            return;
        }

        var backlog = await _library.State.GetMissingPartsAsync(cancellationToken);
        if (backlog.Count > 0)
        {
            await _extras.ProbeAsync(backlog, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<string>> StoreAsync(
        PlannedTrack track,
        Track full,
        MatchResult match,
        Func<string, CancellationToken, Task<Loudness?>> produce,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(full);
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(produce);
        var targets = await TargetsAsync(track, cancellationToken);
        var (primary, primarySources) = targets[0];
        var temp = await _library.CreateTempFileAsync(primary, cancellationToken);
        PlacedFile placed;
        TagSet tags;
        string? sidecar;
        IReadOnlyList<string> missing;
        try
        {
            var loudness = await produce(temp, cancellationToken);
            (tags, sidecar, missing) = await TagsAsync(full, match.WatchUrl, cancellationToken);
            tags = tags with { TrackLoudness = loudness };
            if (OwesAlbumGain(track, full))
            {
                missing = [.. missing, FileParts.AlbumGain];
            }

            var fingerprint = await _writer.WriteAsync(temp, _format, tags, cancellationToken);
            placed = await _library.CommitAsync(
                temp,
                Request(full.Id, primary) with { Sources = primarySources, VideoId = match.VideoId, TagFingerprint = fingerprint, MissingParts = missing },
                cancellationToken);
        }
        catch
        {
            await _library.DiscardAsync(temp, CancellationToken.None);
            throw;
        }

        CountSkipped(missing);
        await _retagger.RememberAsync(_library.FullPath(primary), new KnownTags(placed.TagFingerprint!, placed.Size, placed.ModifiedAt.ToUnixTimeMilliseconds()));
        if (tags.TrackLoudness is { } measured)
        {
            await _library.State.RecordLoudnessAsync(full.Id, _format, match.VideoId, measured, cancellationToken);
            _measuredThisRun[full.Id] = true;
        }

        foreach (var (path, _) in targets)
        {
            _written?.Remember(path, tags, missing);
        }

        foreach (var (path, sources) in targets.Skip(1))
        {
            await _library.PlaceCopyAsync(
                primary,
                Request(full.Id, path) with { Sources = sources, VideoId = match.VideoId, TagFingerprint = placed.TagFingerprint, MissingParts = missing },
                cancellationToken);
        }

        var paths = targets.Select(t => _library.FullPath(t.Path)).ToArray();
        if (sidecar is not null)
        {
            foreach (var path in paths)
            {
                await LyricsSidecar.WriteAsync(path, sidecar, cancellationToken);
            }
        }

        return paths;
    }

    public async Task<bool> RetagAsync(PlannedTrack track, Track full, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(full);
        var targets = await TargetsAsync(track, cancellationToken);
        var written = false;
        (TagSet Tags, string? Sidecar, IReadOnlyList<string> Missing)? fetched = null;
        var stillMissing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, _) in targets)
        {
            var record = await _library.State.GetAsync(path, cancellationToken);
            var videoId = record?.VideoId;
            var url = videoId is null ? null : $"https://www.youtube.com/watch?v={videoId}";
            if (fetched is not { } f || f.Tags.SourceUrl != url)
            {
                // What an earlier run could not fetch is its backlog: a service still down is asked once for it all.
                using var backlog = ServiceHealth.RetryingBacklogOf(record?.MissingParts ?? []);
                fetched = await TagsAsync(full, url, cancellationToken);
            }

            var (tags, sidecar, missing) = fetched.Value;
            if (_written is not null && record?.MissingParts.Contains(FileParts.AlbumGain) is true)
            {
                // Owed until the album pass writes it: a signal before then leaves it owed for the next run.
                missing = [.. missing, FileParts.AlbumGain];
            }
            if (tags.Cover is null && KeptCover(path) is { } kept)
            {
                // Never replace a picture with none (Lidarr's rule): the file keeps the cover it has.
                tags = tags with { Cover = kept };
                missing = missing.Where(p => p != FileParts.Cover).ToArray();
            }

            if (_replayGain)
            {
                tags = tags with { TrackLoudness = await LoudnessAsync(full.Id, path, videoId, cancellationToken) };
            }

            stillMissing.UnionWith(missing);
            written |= await _retagger.RetagAsync(path, full.Id, _format, tags, cancellationToken, missing) == RetagResult.Written;
            _written?.Remember(path, tags, missing);
            var audio = _library.FullPath(path);
            if (sidecar is not null && File.Exists(audio) && !LyricsSidecar.Holds(audio, sidecar))
            {
                await LyricsSidecar.WriteAsync(audio, sidecar, cancellationToken);
                written = true;
            }
        }

        CountSkipped(stillMissing);
        return written;
    }

    // Each optional service counts the tracks that go without its part, for the run's one line about it.
    private void CountSkipped(IReadOnlyCollection<string> missing)
    {
        foreach (var service in _services)
        {
            if (missing.Contains(service.Part))
            {
                service.Skip();
            }
        }
    }

    /// <summary>
    /// ReplayGain's album values for each album the run placed whole (every track of it, each with a known loudness;
    /// tracks found <paramref name="present"/> count toward the whole): computed, kept in the state, and written into
    /// each file this run tagged (skipped when the album's value is unchanged and nothing is owed) on top of the tags
    /// this run gave them: no service is asked again. A file owes the album gain (<see cref="FileParts.AlbumGain"/>)
    /// from before the album is measured until its value is written, so a pass cut short is completed by the next run.
    /// </summary>
    public async Task FinishAlbumsAsync(
        IReadOnlyList<(PlannedTrack Track, Track Full)> placed,
        IReadOnlyList<(PlannedTrack Track, Track Full)> present,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(placed);
        ArgumentNullException.ThrowIfNull(present);
        if (!_replayGain || _dryRun)
        {
            return;
        }

        var tagged = placed.Select(p => p.Full.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var album in placed.Concat(present).GroupBy(p => p.Full.Album.Id, StringComparer.Ordinal))
        {
            // Tracks read from a playlist's public page have no album id: they are no album together. An album none
            // of whose files this run tagged has nothing to write.
            if (album.Key.Length == 0 || !album.Any(p => tagged.Contains(p.Full.Id)))
            {
                continue;
            }

            // A track this run tagged comes first: its details are the completed ones.
            var tracks = album.OrderBy(p => tagged.Contains(p.Full.Id) ? 0 : 1).DistinctBy(p => p.Full.Id, StringComparer.Ordinal).ToList();
            if (tracks.Find(t => tagged.Contains(t.Full.Id)).Full.Album.TotalTracks is not { } total || tracks.Count != total)
            {
                continue;
            }

            var measures = new List<(Loudness, TimeSpan)>();
            var files = new List<string>();
            var owed = false;
            var writing = new List<string>();
            foreach (var (planned, full) in tracks.OrderBy(t => t.Full.DiscNumber).ThenBy(t => t.Full.TrackNumber))
            {
                var targets = await TargetsAsync(planned, cancellationToken);
                var path = targets[0].Path;
                files.Add(_library.FullPath(path));
                var record = await _library.State.GetAsync(path, cancellationToken);
                owed |= record?.MissingParts.Contains(FileParts.AlbumGain) is true;
                writing.AddRange(targets.Select(t => t.Path).Where(p => _written?.Holds(p) is true));
                if (await _library.State.GetLoudnessAsync(full.Id, _format, record?.VideoId, cancellationToken) is { } loudness)
                {
                    measures.Add((loudness, full.Duration));
                }
            }

            if (measures.Count != tracks.Count)
            {
                continue;
            }

            // An album measured before, none of whose tracks this run measured, keeps its value (no decode again),
            // unless a file still owes it.
            var stored = await _library.State.GetAlbumLoudnessAsync(album.Key, _format, cancellationToken);
            if (stored is not null && !owed && !tracks.Any(t => _measuredThisRun.ContainsKey(t.Full.Id)))
            {
                continue;
            }

            // Owed from here until written: a signal while the album is measured or written leaves it to the next run.
            foreach (var path in writing)
            {
                await _library.State.AddMissingPartAsync(path, FileParts.AlbumGain, CancellationToken.None);
            }

            var albumLoudness = await AlbumLoudnessAsync(files, measures, cancellationToken);

            // Recorded once every file has it: an album cut short stays unmeasured in the state, not half-written behind it.
            foreach (var (planned, full) in tracks.Where(t => tagged.Contains(t.Full.Id)))
            {
                await WriteAlbumLoudnessAsync(planned, full.Id, albumLoudness, cancellationToken);
            }

            if (albumLoudness != stored)
            {
                await _library.State.RecordAlbumLoudnessAsync(album.Key, _format, albumLoudness, CancellationToken.None);
            }
        }
    }

    // Whether the file is placed for an album the run lists whole (an album source): its album pass is due, and a
    // signal before the pass has written the album's value leaves the value owed to the next run.
    private bool OwesAlbumGain(PlannedTrack track, Track full) =>
        _written is not null
        && full.Album.Id.Length > 0
        && full.Album.TotalTracks is { } total
        && track.Contexts.Any(c => c.Source.Source.Kind == SourceKind.Album && c.Source.Entries.Count(e => e.IsSupported) == total);

    // The album as one stream, as a ReplayGain 2.0 scanner measures it; the highest track peak. Without ffmpeg, or if
    // it cannot join the files, the tracks' energies weighted by length.
    private async Task<Loudness> AlbumLoudnessAsync(List<string> files, List<(Loudness, TimeSpan)> measures, CancellationToken cancellationToken)
    {
        var estimate = Loudness.Album(measures);
        if (_albumMeter is null || !files.TrueForAll(File.Exists))
        {
            return estimate;
        }

        try
        {
            var measured = await _albumMeter.MeasureAlbumAsync(files, cancellationToken);
            return new Loudness(Math.Round(measured.IntegratedLufs, 2), estimate.TruePeakDbfs);
        }
        catch (ConversionFailedException)
        {
            return estimate;
        }
    }

    // The tags this run wrote plus the album's loudness, the cover read back from the file. A path this run did not
    // tag, or whose picture written cannot be read back, is left alone (never a picture replaced with none).
    private async Task WriteAlbumLoudnessAsync(PlannedTrack planned, string trackId, Loudness album, CancellationToken cancellationToken)
    {
        foreach (var (path, _) in await TargetsAsync(planned, cancellationToken))
        {
            if (_written?.TryTake(path, out var written) is not true)
            {
                continue;
            }

            var cover = KeptCover(path);
            if (cover is not null || written.CoverHash is null)
            {
                var tags = written.Tags with { AlbumLoudness = album, Cover = cover };
                await _retagger.RetagAsync(path, trackId, _format, tags, cancellationToken, written.Missing.Where(p => p != FileParts.AlbumGain).ToArray());
            }

            // Paid (or, for a file whose picture cannot be read back, left alone for good: never a picture replaced with none).
            await _library.State.RemoveMissingPartAsync(path, FileParts.AlbumGain, CancellationToken.None);
        }
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

    /// <summary>
    /// The tags, the text of the .lrc sidecar when one is wanted and there are synced lyrics, and the parts the file
    /// lacks that it should have (see <see cref="FileParts"/>): the one place that decides what makes a file
    /// incomplete. An album with no cover at all lacks nothing.
    /// </summary>
    private async Task<(TagSet Tags, string? Sidecar, IReadOnlyList<string> Missing)> TagsAsync(Track full, string? sourceUrl, CancellationToken cancellationToken)
    {
        var cover = _covers is null ? null : await _covers.GetAsync(full.Album, cancellationToken);
        IReadOnlyList<string> missing = _covers is not null && cover is null && CoverArtProvider.Largest(full.Album.Images) is not null ? [FileParts.Cover] : [];
        if (full.FromPublicPage)
        {
            missing = [.. missing, FileParts.Details];
        }

        var tags = TagSet.From(full, sourceUrl, cover) with
        {
            AlbumLoudness = _replayGain && !_dryRun ? await _library.State.GetAlbumLoudnessAsync(full.Album.Id, _format, cancellationToken) : null,
        };
        if (_extras is null)
        {
            return (tags, null, missing);
        }

        var extras = await _extras.GetAsync(full, cancellationToken);
        return (
            tags with
            {
                Lyrics = _lyricsMode is LyricsMode.Embed or LyricsMode.Both ? extras.Lyrics?.ForTag : null,
                MusicBrainz = extras.MusicBrainz,
                Genres = tags.Genres.Count == 0 && extras.MusicBrainz is { Genres.Count: > 0 } mb ? mb.Genres : tags.Genres,
            },
            _lyricsMode is LyricsMode.Lrc or LyricsMode.Both ? extras.Lyrics?.ForSidecar : null,
            [.. missing, .. extras.Missing]);
    }

    // Measured once per audio (track, format, video), then read from the state: re-tags leave the audio alone.
    private async Task<Loudness?> LoudnessAsync(string trackId, string path, string? videoId, CancellationToken cancellationToken)
    {
        if (await _library.State.GetLoudnessAsync(trackId, _format, videoId, cancellationToken) is { } known)
        {
            return known;
        }

        var full = _library.FullPath(path);

        // Without a meter (a download run's album pass) only what the conversion measured is known.
        if (_meter is null || !File.Exists(full))
        {
            return null;
        }

        var measured = await _meter.MeasureAsync(full, cancellationToken);
        await _library.State.RecordLoudnessAsync(trackId, _format, videoId, measured, cancellationToken);
        _measuredThisRun[trackId] = true;
        return measured;
    }

    private CoverArt? KeptCover(string relativePath)
    {
        var full = _library.FullPath(relativePath);
        return File.Exists(full) ? TagWriter.ReadCover(full, _format) : null;
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
    private async Task<List<(string Path, IReadOnlyList<string> Sources)>> TargetsAsync(PlannedTrack track, CancellationToken cancellationToken)
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

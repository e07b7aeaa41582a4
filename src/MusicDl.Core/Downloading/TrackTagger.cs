using System.Collections.Concurrent;
using MusicDl.Audio;
using MusicDl.Caching;
using MusicDl.Configuration;
using MusicDl.Http;
using MusicDl.Library;
using MusicDl.Models;
using MusicDl.Tagging;

namespace MusicDl.Downloading;

/// <summary>
/// The pipeline's tagger: a track's tags from Spotify's details and the optional look-ups (cover, lyrics, MusicBrainz)
/// with its loudness, written into the file before it is placed or into the files present (re-tag), and ReplayGain's
/// album pass once an album is whole. Decides what makes a file incomplete (<see cref="FileParts"/>). Reads and records
/// loudness and missing parts in the state of the <see cref="TrackLibrary"/> whose files it tags.
/// </summary>
public sealed class TrackTagger : ITrackTagger
{
    private readonly TrackLibrary _files;
    private readonly MusicLibrary _library;
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

    // Tracks whose loudness this run measured (downloaded or measured anew): their album is measured again.
    private readonly ConcurrentDictionary<string, bool> _measuredThisRun = new(StringComparer.Ordinal);

    /// <param name="files">The library whose files are tagged: their paths, state and format.</param>
    /// <param name="services">The optional services' records: each counts the tracks placed or re-tagged without its part.</param>
    public TrackTagger(
        TrackLibrary files,
        ITagWriter writer,
        CoverArtProvider? covers = null,
        ICacheRegion<KnownTags>? tagsRegion = null,
        TrackExtrasSource? extras = null,
        LyricsMode lyricsMode = LyricsMode.Embed,
        AudioConverter? loudnessMeter = null,
        bool replayGain = false,
        AudioConverter? albumMeter = null,
        IReadOnlyList<ServiceHealth>? services = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        _files = files;
        _library = files.Files;
        _format = files.Format;
        _writer = writer;
        _covers = covers;
        _retagger = new Retagger(writer, _library, tagsRegion);
        // A dry run's library (or a read-only one) is the tagger's too: nothing is written.
        _dryRun = files.IsDryRun;
        _extras = extras;
        _lyricsMode = lyricsMode;
        _meter = loudnessMeter;
        _replayGain = replayGain || loudnessMeter is not null;
        _written = _replayGain && !_dryRun ? new TagsWrittenThisRun() : null;
        _albumMeter = albumMeter ?? loudnessMeter;
        _services = services ?? [];
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

    public async Task<TaggedFile> TagAsync(StagedTrack staged, Track full, string? videoId, Loudness? loudness, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staged);
        ArgumentNullException.ThrowIfNull(full);
        var (tags, sidecar, missing) = await TagsAsync(full, VideoId.WatchUrlOf(videoId), cancellationToken);
        tags = tags with { TrackLoudness = loudness };
        if (OwesAlbumGain(staged.Track, full))
        {
            missing = [.. missing, FileParts.AlbumGain];
        }

        var fingerprint = await _writer.WriteAsync(staged.TempPath, _format, tags, cancellationToken);
        return new TaggedFile(tags, fingerprint, sidecar, missing);
    }

    public async Task PlacedAsync(StagedTrack staged, Track full, string? videoId, TaggedFile tagged, KnownTags placed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staged);
        ArgumentNullException.ThrowIfNull(full);
        ArgumentNullException.ThrowIfNull(tagged);
        CountSkipped(tagged.Missing);
        await _retagger.RememberAsync(_library.FullPath(staged.Targets[0].Path), placed);
        if (tagged.Tags.TrackLoudness is { } measured)
        {
            await _library.State.RecordLoudnessAsync(full.Id, _format, videoId, measured, cancellationToken);
            _measuredThisRun[full.Id] = true;
        }

        foreach (var (path, _) in staged.Targets)
        {
            _written?.Remember(path, tagged.Tags, tagged.Missing);
        }
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
            var url = VideoId.WatchUrlOf(videoId);
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

    private Task<List<(string Path, IReadOnlyList<string> Sources)>> TargetsAsync(PlannedTrack track, CancellationToken cancellationToken) =>
        _files.TargetsAsync(track, cancellationToken);
}

using MusicDl.Caching;
using MusicDl.Configuration;
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

    /// <param name="dryRun">Inspect only: claim, move or copy nothing (always so over a read-only library).</param>
    public TrackLibrary(
        MusicLibrary library,
        PathTemplate template,
        AudioFormat format,
        ITagWriter writer,
        CoverArtProvider? covers = null,
        ICacheRegion<KnownTags>? tagsRegion = null,
        bool dryRun = false)
    {
        _library = library;
        _template = template;
        _format = format;
        _writer = writer;
        _covers = covers;
        _retagger = new Retagger(writer, library, tagsRegion);
        _dryRun = dryRun || library.IsReadOnly;
    }

    public async Task<LibraryPresence> InspectAsync(PlannedTrack track, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        var targets = await TargetsAsync(track, cancellationToken);
        var present = true;
        foreach (var (path, sources) in targets)
        {
            present &= _dryRun
                ? await WouldBePresentAsync(track.Track.Id, path, cancellationToken)
                : await LocateAllAsync(Request(track.Track.Id, path), sources, cancellationToken);
        }

        return Presence(present, targets);
    }

    public async Task<IReadOnlyList<string>> StoreAsync(
        PlannedTrack track,
        Track full,
        MatchResult match,
        Func<string, CancellationToken, Task> produce,
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
        try
        {
            await produce(temp, cancellationToken);
            var tags = await TagsAsync(full, match.WatchUrl, cancellationToken);
            var fingerprint = await _writer.WriteAsync(temp, _format, tags, cancellationToken);
            placed = await _library.CommitAsync(
                temp,
                Request(full.Id, primary) with { Sources = primarySources, VideoId = match.VideoId, TagFingerprint = fingerprint },
                cancellationToken);
        }
        catch
        {
            await _library.DiscardAsync(temp, CancellationToken.None);
            throw;
        }

        await _retagger.RememberAsync(_library.FullPath(primary), new KnownTags(placed.TagFingerprint!, placed.Size, placed.ModifiedAt.ToUnixTimeMilliseconds()));
        foreach (var (path, sources) in targets.Skip(1))
        {
            await _library.PlaceCopyAsync(
                primary,
                Request(full.Id, path) with { Sources = sources, VideoId = match.VideoId, TagFingerprint = placed.TagFingerprint },
                cancellationToken);
        }

        return targets.Select(t => _library.FullPath(t.Path)).ToArray();
    }

    public async Task<bool> RetagAsync(PlannedTrack track, Track full, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(full);
        var targets = await TargetsAsync(track, cancellationToken);
        var written = false;
        TagSet? tags = null;
        foreach (var (path, _) in targets)
        {
            var videoId = (await _library.State.GetAsync(path, cancellationToken))?.VideoId;
            var url = videoId is null ? null : $"https://www.youtube.com/watch?v={videoId}";
            tags = tags is not null && tags.SourceUrl == url ? tags : await TagsAsync(full, url, cancellationToken);
            written |= await _retagger.RetagAsync(path, full.Id, _format, tags, cancellationToken) == RetagResult.Written;
        }

        return written;
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

    private async Task<TagSet> TagsAsync(Track full, string? sourceUrl, CancellationToken cancellationToken)
    {
        var cover = _covers is null ? null : await _covers.GetAsync(full.Album, cancellationToken);
        return TagSet.From(full, sourceUrl, cover);
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

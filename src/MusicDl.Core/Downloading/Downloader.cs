using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MusicDl.Configuration;
using MusicDl.Http;
using MusicDl.Library;
using MusicDl.Models;
using MusicDl.Output;
using MusicDl.Tagging;

namespace MusicDl.Downloading;

/// <summary>
/// The pipeline: resolve every source, plan the tracks (de-duplicated across sources), then per track in parallel ask
/// the library whether it is already there, and otherwise match, produce (download and convert), tag and place it;
/// finish with the album pass and the M3U files. One track's failure never stops the others; a failure that is not
/// the track's stops the run (exit 3). <c>match</c> needs no library, tagger or producer; dry runs and metadata mode
/// need no producer.
/// </summary>
public sealed class Downloader(
    ITrackResolver resolver,
    ITrackMatcher matcher,
    IAudioProducer? producer,
    ITrackLibrary? library,
    ITrackTagger? tagger,
    TimeProvider time,
    ILogger<Downloader>? logger = null,
    PublicPageDetails? pageDetails = null)
{
    private readonly ILogger _log = logger ?? NullLogger<Downloader>.Instance;

    private ITrackLibrary Library => library ?? throw new InvalidOperationException("this run was built without a library");

    private ITrackTagger Tagger => tagger ?? throw new InvalidOperationException("this run was built without a tagger");

    private IAudioProducer Producer => producer ?? throw new InvalidOperationException("this run was built without an audio producer");
    private readonly Lock _emitGate = new();
    private int _systemicStreak;
    private ServiceException? _sessionLimit;

    /// <summary>Consecutive failures that are not the tracks' own after which the run stops (exit 3).</summary>
    public int SystemicFailureLimit { get; init; } = 5;

    /// <summary>ffmpeg, ffprobe or yt-dlp failing the same way on this many tracks in a row stops the run (exit 3).</summary>
    public int ToolFailureLimit { get; init; } = 3;

    private ToolFailureStreak? _toolStreak;

    private ToolFailureStreak ToolStreak => LazyInitializer.EnsureInitialized(ref _toolStreak, () => new ToolFailureStreak(ToolFailureLimit));

    /// <summary>Raised once per track (and per unsupported entry) as it finishes, serialised.</summary>
    public event Action<TrackOutcome>? TrackFinished;

    /// <summary>Raised when a source cannot be read.</summary>
    public event Action<SourceFailure>? SourceFailed;

    /// <summary>Raised when the track list is known: how many tracks will be processed.</summary>
    public event Action<int>? Planned;

    /// <summary>Raised when a track starts its work.</summary>
    public event Action<PlannedTrack>? TrackStarted;

    public async Task<RunResult> RunAsync(DownloadRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var startedAt = time.GetTimestamp();
        var outcomes = new ConcurrentQueue<TrackOutcome>();
        var placed = new ConcurrentQueue<(PlannedTrack Track, Track Full)>();
        var present = new ConcurrentQueue<(PlannedTrack Track, Track Full)>();
        var failures = new ConcurrentQueue<SourceFailure>();
        using var abort = new CancellationTokenSource();
        using var hard = new CancellationTokenSource();
        string? abortMessage = null;

        // An interrupt stops new work at once and gives running tracks a grace period to finish or clean up;
        // a second one (request.Immediate) cancels them at once. Either way the library removes their temporary files.
        await using var onInterrupt = cancellationToken.Register(() =>
        {
            abort.Cancel();
            hard.CancelAfter(request.InterruptGrace);
        });
        await using var onImmediate = request.Immediate.Register(() =>
        {
            abort.Cancel();
            hard.Cancel();
        });

        void Abort(string message)
        {
            Interlocked.CompareExchange(ref abortMessage, message, null);
            abort.Cancel();
        }

        void Emit(TrackOutcome outcome)
        {
            // The output contract: a path names a file that is there. A track without one has none, whatever it would get.
            if (outcome.Status is TrackStatus.NotFound or TrackStatus.Failed or TrackStatus.Planned or TrackStatus.Excluded or TrackStatus.Missing)
            {
                outcome = outcome with { Path = null, Copies = null };
            }

            outcomes.Enqueue(outcome);
            lock (_emitGate)
            {
                TrackFinished?.Invoke(outcome);
            }
        }

        // The optional services the tagger's backlog waits on are asked now, beside the Spotify reads: a service down
        // is known down before the first re-tag, which then costs it no request and no wait (issue 22). Once every
        // track is done nothing needs the answer: a probe still waiting is cancelled.
        using var probing = CancellationTokenSource.CreateLinkedTokenSource(hard.Token);
        var probe = request.Mode != RunMode.Match && tagger is not null ? tagger.ProbeBacklogAsync(probing.Token) : Task.CompletedTask;

        var resolved = await ResolveAllAsync(request.Sources, failures, Abort, abort.Token, hard.Token);
        Profiling.Phases.Mark("sources resolved");
        var planned = TrackPlanner.Plan(resolved, Emit);
        Planned?.Invoke(planned.Count);
        if (request.Mode != RunMode.Match && library is not null && !abort.IsCancellationRequested)
        {
            await library.PrepareAsync(planned, hard.Token);
        }

        Profiling.Phases.Mark("planned, state index");

        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, request.Settings.Threads), CancellationToken = CancellationToken.None };
        var started = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(planned, options, async (track, _) =>
        {
            if (abort.IsCancellationRequested)
            {
                return;
            }

            started[track.Track.Id] = true;
            TrackStarted?.Invoke(track);
            try
            {
                Emit(await ProcessAsync(track, request, placed, present, hard.Token));
                if (Volatile.Read(ref _sessionLimit) is not null)
                {
                    // No new track once YouTube limited the session; those in flight finish (their calls fail fast).
                    abort.Cancel();
                }
            }
            catch (RunAbortedException ex)
            {
                Abort(ex.Message);
            }
            catch (OperationCanceledException) when (hard.IsCancellationRequested || cancellationToken.IsCancellationRequested)
            {
                // Interrupted: the library left nothing at a final path; the track is simply not done.
            }
        });

        Profiling.Phases.Mark("tracks");
        await probing.CancelAsync();
        try
        {
            await probe;
        }
        catch (OperationCanceledException) when (probing.IsCancellationRequested)
        {
        }

        if (Volatile.Read(ref _sessionLimit) is { } limit && !hard.IsCancellationRequested)
        {
            abortMessage = SessionLimitReport(limit, planned, started, outcomes, Emit);
        }

        if (request.Mode == RunMode.Download && !placed.IsEmpty && !cancellationToken.IsCancellationRequested && abortMessage is null)
        {
            await FinishAlbumsAsync(placed.ToArray(), present.ToArray(), cancellationToken, hard.Token);
        }

        if (request.Mode == RunMode.Download && request.Settings.CreateM3u && !cancellationToken.IsCancellationRequested && abortMessage is null)
        {
            await WritePlaylistsAsync(resolved, outcomes, hard.Token);
        }

        return new RunResult(
            outcomes.ToArray(),
            failures.ToArray(),
            abortMessage,
            cancellationToken.IsCancellationRequested || request.Immediate.IsCancellationRequested,
            time.GetElapsedTime(startedAt))
        {
            ResolvedSources = resolved,
        };
    }

    private async Task<IReadOnlyList<ResolvedSource>> ResolveAllAsync(
        IReadOnlyList<SpotifySource> sources,
        ConcurrentQueue<SourceFailure> failures,
        Action<string> abort,
        CancellationToken stop,
        CancellationToken hard)
    {
        var results = new ResolvedSource?[sources.Count];
        var notTheSources = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = CancellationToken.None };
        await Parallel.ForEachAsync(Enumerable.Range(0, sources.Count), options, async (i, _) =>
        {
            if (stop.IsCancellationRequested)
            {
                return;
            }

            try
            {
                results[i] = await resolver.ResolveAsync(sources[i], hard);
            }
            catch (SourceUnavailableException ex)
            {
                if (ex.NotTheSources)
                {
                    Interlocked.Increment(ref notTheSources);
                }

                var failure = new SourceFailure(sources[i].Uri, ex.Message);
                failures.Enqueue(failure);
                lock (_emitGate)
                {
                    SourceFailed?.Invoke(failure);
                }
            }
            catch (RunAbortedException ex)
            {
                abort(ex.Message);
            }
            catch (OperationCanceledException) when (hard.IsCancellationRequested || stop.IsCancellationRequested)
            {
            }
        });
        // Every source failed for the service's fault (Spotify's public page changed): nothing here can proceed.
        if (sources.Count > 0 && notTheSources == sources.Count && failures.LastOrDefault() is { } last)
        {
            abort(last.Error);
        }

        return results.OfType<ResolvedSource>().ToArray();
    }

    private async Task<TrackOutcome> ProcessAsync(
        PlannedTrack planned,
        DownloadRequest request,
        ConcurrentQueue<(PlannedTrack Track, Track Full)> placed,
        ConcurrentQueue<(PlannedTrack Track, Track Full)> present,
        CancellationToken cancellationToken)
    {
        var settings = request.Settings;
        var outcome = TrackOutcome.For(planned.Track, planned.SourceUris, TrackStatus.Failed);
        try
        {
            if (request.Mode == RunMode.Match)
            {
                var full = await FillAsync(await resolver.CompleteForMatchAsync(planned.Track, cancellationToken), cancellationToken);
                var match = await matcher.MatchAsync(full, cancellationToken);
                return WithMatch(outcome with { Isrc = full.Isrc }, match, TrackStatus.Matched);
            }

            var presence = await Library.InspectAsync(planned, cancellationToken);
            outcome = outcome with { Path = presence.PrimaryPath, Copies = Copies(presence.Paths) };
            if (settings.Overwrite == OverwriteMode.Metadata)
            {
                if (!presence.Present)
                {
                    return outcome with { Status = TrackStatus.Missing, Error = "no file to re-tag" };
                }

                if (request.Mode == RunMode.DryRun)
                {
                    return outcome with { Status = TrackStatus.Planned };
                }

                var full = await resolver.CompleteAsync(planned.Track, cancellationToken);
                await Tagger.RetagAsync(planned, full, cancellationToken);
                placed.Enqueue((planned, full));
                return outcome with { Status = TrackStatus.Retagged, Isrc = full.Isrc };
            }

            if (presence.Present && settings.Overwrite == OverwriteMode.Skip)
            {
                if (presence.MissingParts.Count == 0 || request.Mode == RunMode.DryRun)
                {
                    // Its album may be completed by this run (an album pass cut short before): the track counts toward it.
                    present.Enqueue((planned, planned.Track));
                    return outcome with { Status = TrackStatus.Skipped };
                }

                // Placed without a part (its cover could not be fetched): re-tagged from Spotify, no YouTube request.
                var known = await resolver.CompleteAsync(planned.Track, cancellationToken);
                if (known.FromPublicPage)
                {
                    // Only the Web API adds to what a public page gave; re-tagging from the page would only lose the
                    // album the match filled in.
                    present.Enqueue((planned, planned.Track));
                    return outcome with { Status = TrackStatus.Skipped };
                }

                var retagged = await Tagger.RetagAsync(planned, known, cancellationToken);
                placed.Enqueue((planned, known));
                return outcome with { Status = retagged ? TrackStatus.Retagged : TrackStatus.Skipped, Isrc = known.Isrc };
            }

            var complete = await FillAsync(await resolver.CompleteAsync(planned.Track, cancellationToken), cancellationToken);
            outcome = outcome with { Isrc = complete.Isrc };
            var chosen = await matcher.MatchAsync(complete, cancellationToken);
            if (!chosen.IsMatched || request.Mode == RunMode.DryRun)
            {
                return WithMatch(outcome, chosen, TrackStatus.Planned);
            }

            if (complete.FromPublicPage && complete.Album.Name.Length == 0 && !string.IsNullOrWhiteSpace(chosen.Album))
            {
                // A playlist's public page names no album: the matched YouTube Music song's album fills the tag (the
                // path stays what the page gave, so a re-run finds the file where it was put).
                complete = complete with { Album = complete.Album with { Name = chosen.Album.Trim() } };
            }

            // From here on every line of the track names its video, failed ones too.
            outcome = outcome with { VideoId = chosen.VideoId };
            IReadOnlyList<string> paths;
            try
            {
                paths = await StoreAsync(Library, Producer, Tagger, planned, complete, chosen, settings.Format, cancellationToken);
            }
            catch (TrackFailedException ex) when (ex.VideoUnavailable && !chosen.Pinned)
            {
                // A cached match whose video has gone: forget it and search once more. A pinned video is never
                // searched around: the track fails with YouTube's reason (the handler below).
                _log.LogInformation("{Title}: video {VideoId} unavailable, searching again", complete.Title, chosen.VideoId);
                chosen = await matcher.RematchAsync(complete, chosen.VideoId!, cancellationToken);
                if (!chosen.IsMatched)
                {
                    return WithMatch(outcome with { VideoId = null }, chosen, TrackStatus.Downloaded);
                }

                outcome = outcome with { VideoId = chosen.VideoId };
                paths = await StoreAsync(Library, Producer, Tagger, planned, complete, chosen, settings.Format, cancellationToken);
            }

            Interlocked.Exchange(ref _systemicStreak, 0);
            ToolStreak.Reset();
            placed.Enqueue((planned, complete));
            return WithMatch(outcome, chosen, TrackStatus.Downloaded) with { Path = paths[0], Copies = Copies(paths) };
        }
        catch (ServiceException ex) when (ex.Kind == ServiceFailureKind.SessionLimit)
        {
            // About the session, never the song: nothing is remembered about it, and it is left for the next run.
            Interlocked.CompareExchange(ref _sessionLimit, ex, null);
            // One line says it all at the end (SessionLimitReport); per track it is detail.
            _log.LogDebug("{Artist} - {Title}: YouTube rate-limited this session ({Evidence})", planned.Track.FirstArtist, planned.Track.Title, ex.Evidence ?? "the session limit");
            return outcome with { Status = TrackStatus.Failed, Error = SessionLimitReason };
        }
        catch (Exception ex) when (Failures.Classify(ex) is var verdict && Failures.IsSystemic(verdict) && Interlocked.Increment(ref _systemicStreak) >= SystemicFailureLimit)
        {
            throw new RunAbortedException(verdict.StopMessage(SystemicFailureLimit, ex.Message), ex);
        }
        catch (Exception ex) when (Failures.IsSystemic(Failures.Classify(ex)))
        {
            ToolStreak.Count(ex);
            _log.LogWarning("{Artist} - {Title}: {Reason}", planned.Track.FirstArtist, planned.Track.Title, ex.Message);
            return outcome with { Status = TrackStatus.Failed, Error = ex.Message };
        }
        catch (TrackFailedException ex)
        {
            ToolStreak.Count(ex);
            _log.LogWarning("{Artist} - {Title}: {Reason}", planned.Track.FirstArtist, planned.Track.Title, ex.Message);
            return outcome with { Status = TrackStatus.Failed, Error = ex.Message, Path = null, Copies = null };
        }
        catch (LibraryUnusableException ex)
        {
            // The library's folders refuse files: every other track would fail the same way after its download.
            throw new RunAbortedException(ex.Message, ex);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or RunAbortedException))
        {
            // Whatever went wrong belongs to this track alone; the others go on. One line at the default verbosity,
            // the stack trace only with -v (a disk failing under every track would otherwise print pages).
            _log.LogWarning("{Artist} - {Title}: failed: {Reason}", planned.Track.FirstArtist, planned.Track.Title, ex.Message.ReplaceLineEndings(" "));
            _log.LogDebug(ex, "{Artist} - {Title}: details", planned.Track.FirstArtist, planned.Track.Title);
            return outcome with { Status = TrackStatus.Failed, Error = ex.Message, Path = null, Copies = null };
        }
    }

    // What a public page left out, from MusicBrainz (when on): before matching, so an ISRC found helps it.
    private Task<Track> FillAsync(Track track, CancellationToken cancellationToken) =>
        pageDetails is null || !track.FromPublicPage ? Task.FromResult(track) : pageDetails.FillAsync(track, cancellationToken);

    /// <summary>The error of every track the session limit left undone (never not_found).</summary>
    public const string SessionLimitReason = "YouTube rate-limited this session; left for the next run";

    /// <summary>Reports the tracks never started as failed for the session limit, and builds the run's one stop line.</summary>
    private static string SessionLimitReport(
        ServiceException limit,
        IReadOnlyList<PlannedTrack> planned,
        ConcurrentDictionary<string, bool> started,
        ConcurrentQueue<TrackOutcome> outcomes,
        Action<TrackOutcome> emit)
    {
        foreach (var track in planned.Where(t => !started.ContainsKey(t.Track.Id)))
        {
            emit(TrackOutcome.For(track.Track, track.SourceUris, TrackStatus.Failed) with { Error = SessionLimitReason });
        }

        var left = outcomes.Count(o => o.Error == SessionLimitReason);
        return $"YouTube rate-limited this session ({limit.Evidence ?? "the session limit"}); it lasts about an hour, and every further request prolongs it. " +
            $"{left} track{(left == 1 ? " is" : "s are")} left for the next run: run again in an hour or more, and pace large runs " +
            "with youtube_rate_limit_enabled: true (youtube_rate_limit_requests per youtube_rate_limit_window seconds; see README, cron)";
    }

    /// <summary>
    /// Produce, tag, place: the audio is made in a hidden temporary file beside the track's first path and tagged there
    /// before it is renamed into place, so a failure or an interrupt on the way leaves nothing at a final path.
    /// </summary>
    internal static async Task<IReadOnlyList<string>> StoreAsync(
        ITrackLibrary library,
        IAudioProducer producer,
        ITrackTagger tagger,
        PlannedTrack planned,
        Track full,
        TrackMatch match,
        AudioFormat format,
        CancellationToken cancellationToken)
    {
        var staged = await library.StageAsync(planned, cancellationToken);
        TaggedFile tagged;
        KnownTags placed;
        try
        {
            var loudness = await producer.ProduceAsync(match, format, staged.TempPath, cancellationToken);
            tagged = await tagger.TagAsync(staged, full, match.VideoId, loudness, cancellationToken);
            placed = await library.PlaceAsync(staged, full, match.VideoId, tagged, cancellationToken);
        }
        catch
        {
            await library.DiscardAsync(staged, CancellationToken.None);
            throw;
        }

        await tagger.PlacedAsync(staged, full, match.VideoId, tagged, placed, cancellationToken);
        return await library.PlaceCopiesAsync(staged, full, match.VideoId, tagged, cancellationToken);
    }

    private static TrackOutcome WithMatch(TrackOutcome outcome, TrackMatch match, TrackStatus whenMatched) => WithStatus(
        outcome with { Candidates = match.Candidates }, match, whenMatched);

    private static TrackOutcome WithStatus(TrackOutcome outcome, TrackMatch match, TrackStatus whenMatched) => match switch
    {
        { IsMatched: true } => outcome with { Status = whenMatched, VideoId = match.VideoId, Provider = match.Provider, Score = match.Score, Error = null },
        { Excluded: true } => outcome with { Status = TrackStatus.Excluded, Error = "pinned to skip in overrides" },
        _ => outcome with { Status = TrackStatus.NotFound, Error = NotFoundReason(match) },
    };

    private static string NotFoundReason(TrackMatch match)
    {
        var best = match.Candidates.Count > 0 ? match.Candidates[0] : null;
        return best is null
            ? "no search result"
            : $"no candidate reached the match threshold; best was \"{best.Title}\" ({best.Score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}{(best.Rejection is { } r ? ", " + r : string.Empty)})";
    }

    private static IReadOnlyList<string>? Copies(IReadOnlyList<string> paths) => paths.Count > 1 ? paths.Skip(1).ToArray() : null;

    // Album-wide tags are extras: a failure here costs the album gain, never the run's result. The pass is part of
    // the run: one album at a time, a signal lets the album in hand finish (within the grace period; past it, or on a
    // second signal, that album is left unmeasured in the state) and starts no other. Either way the run's result,
    // with its real counts, is returned: an interruption here is not a failure of the run.
    private async Task FinishAlbumsAsync(
        IReadOnlyList<(PlannedTrack Track, Track Full)> placed,
        IReadOnlyList<(PlannedTrack Track, Track Full)> present,
        CancellationToken stop,
        CancellationToken hard)
    {
        var presentByAlbum = present.ToLookup(p => p.Full.Album.Id, StringComparer.Ordinal);
        foreach (var album in placed.GroupBy(p => p.Full.Album.Id, StringComparer.Ordinal))
        {
            if (stop.IsCancellationRequested)
            {
                _log.LogInformation("album gain pass stopped by the interrupt; the albums not yet done are done by the next run");
                return;
            }

            try
            {
                await Tagger.FinishAlbumsAsync(album.ToArray(), presentByAlbum[album.Key].ToArray(), hard);
            }
            catch (OperationCanceledException) when (hard.IsCancellationRequested)
            {
                _log.LogInformation("album gain pass cut short by the interrupt; the album in hand is left unmeasured");
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _log.LogWarning(ex, "album gain not written: {Reason}", ex.Message);
            }
        }
    }

    private async Task WritePlaylistsAsync(IReadOnlyList<ResolvedSource> resolved, IEnumerable<TrackOutcome> outcomes, CancellationToken cancellationToken)
    {
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var o in outcomes)
        {
            if (o is { SpotifyId: { } id, Path: { } path, Status: TrackStatus.Downloaded or TrackStatus.Skipped or TrackStatus.Retagged })
            {
                paths[id] = path;
            }
        }

        foreach (var source in resolved.Where(s => s.Source.Kind is SourceKind.Playlist or SourceKind.Album or SourceKind.LikedSongs))
        {
            await Library.WritePlaylistAsync(source, paths, cancellationToken);
        }
    }
}

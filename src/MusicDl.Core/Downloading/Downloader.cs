using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MusicDl.Configuration;
using MusicDl.Models;
using MusicDl.Output;
using MusicDl.YouTube.Matching;

namespace MusicDl.Downloading;

/// <summary>
/// The pipeline: resolve every source, de-duplicate tracks across sources, then per track in parallel ask the
/// library whether it is already there, and otherwise match, download, convert, tag and place it.
/// One track's failure never stops the others; a failure that is not the track's stops the run (exit 3).
/// <c>match</c> needs no library and no producer; dry runs and metadata mode need no producer.
/// </summary>
public sealed class Downloader(
    ITrackResolver resolver,
    ITrackMatcher matcher,
    IAudioProducer? producer,
    ITrackLibrary? library,
    TimeProvider time,
    ILogger<Downloader>? logger = null)
{
    private readonly ILogger _log = logger ?? NullLogger<Downloader>.Instance;

    private ITrackLibrary Library => library ?? throw new InvalidOperationException("this run was built without a library");

    private IAudioProducer Producer => producer ?? throw new InvalidOperationException("this run was built without an audio producer");
    private readonly Lock _emitGate = new();
    private int _systemicStreak;

    /// <summary>Consecutive failures that are not the tracks' own after which the run stops (exit 3).</summary>
    public int SystemicFailureLimit { get; init; } = 5;

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
        var started = time.GetTimestamp();
        var outcomes = new ConcurrentQueue<TrackOutcome>();
        var failures = new ConcurrentQueue<SourceFailure>();
        using var abort = new CancellationTokenSource();
        using var hard = new CancellationTokenSource();
        string? abortMessage = null;

        // An interrupt stops new work at once and gives running tracks a grace period to finish or clean up.
        await using var onInterrupt = cancellationToken.Register(() =>
        {
            abort.Cancel();
            hard.CancelAfter(request.InterruptGrace);
        });

        void Abort(string message)
        {
            Interlocked.CompareExchange(ref abortMessage, message, null);
            abort.Cancel();
        }

        void Emit(TrackOutcome outcome)
        {
            outcomes.Enqueue(outcome);
            lock (_emitGate)
            {
                TrackFinished?.Invoke(outcome);
            }
        }

        var resolved = await ResolveAllAsync(request.Sources, failures, Abort, abort.Token, hard.Token);
        var planned = Plan(resolved, Emit);
        Planned?.Invoke(planned.Count);

        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, request.Settings.Threads), CancellationToken = CancellationToken.None };
        await Parallel.ForEachAsync(planned, options, async (track, _) =>
        {
            if (abort.IsCancellationRequested)
            {
                return;
            }

            TrackStarted?.Invoke(track);
            try
            {
                Emit(await ProcessAsync(track, request, hard.Token));
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

        if (request.Mode == RunMode.Download && request.Settings.CreateM3u && !cancellationToken.IsCancellationRequested && abortMessage is null)
        {
            await WritePlaylistsAsync(resolved, outcomes, hard.Token);
        }

        return new RunResult(
            outcomes.ToArray(),
            failures.ToArray(),
            abortMessage,
            cancellationToken.IsCancellationRequested,
            time.GetElapsedTime(started))
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
        return results.OfType<ResolvedSource>().ToArray();
    }

    /// <summary>One planned track per Spotify id, in first-appearance order; unsupported entries are reported at once.</summary>
    private static List<PlannedTrack> Plan(IReadOnlyList<ResolvedSource> resolved, Action<TrackOutcome> emit)
    {
        var order = new List<string>();
        var byId = new Dictionary<string, (Track Track, List<TrackContext> Contexts)>(StringComparer.Ordinal);
        foreach (var source in resolved)
        {
            foreach (var entry in source.Entries)
            {
                if (!entry.IsSupported)
                {
                    var outcome = entry.Track is { } t
                        ? TrackOutcome.For(t, [source.Source.Uri], TrackStatus.Unsupported)
                        : new TrackOutcome { Title = entry.Title, Sources = [source.Source.Uri], Status = TrackStatus.Unsupported };
                    emit(outcome with { Error = entry.UnsupportedReason });
                    continue;
                }

                var track = entry.Track!;
                if (!byId.TryGetValue(track.Id, out var slot))
                {
                    slot = (track, []);
                    byId[track.Id] = slot;
                    order.Add(track.Id);
                }

                slot.Contexts.Add(new TrackContext(source, entry.Position));
            }
        }

        return order.Select(id => new PlannedTrack(byId[id].Track, byId[id].Contexts)).ToList();
    }

    private async Task<TrackOutcome> ProcessAsync(PlannedTrack planned, DownloadRequest request, CancellationToken cancellationToken)
    {
        var settings = request.Settings;
        var outcome = TrackOutcome.For(planned.Track, planned.SourceUris, TrackStatus.Failed);
        try
        {
            if (request.Mode == RunMode.Match)
            {
                var full = await resolver.CompleteForMatchAsync(planned.Track, cancellationToken);
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
                await Library.RetagAsync(planned, full, cancellationToken);
                return outcome with { Status = TrackStatus.Retagged, Isrc = full.Isrc };
            }

            if (presence.Present && settings.Overwrite == OverwriteMode.Skip)
            {
                return outcome with { Status = TrackStatus.Skipped };
            }

            var complete = await resolver.CompleteAsync(planned.Track, cancellationToken);
            outcome = outcome with { Isrc = complete.Isrc };
            var chosen = await matcher.MatchAsync(complete, cancellationToken);
            if (!chosen.IsMatched || request.Mode == RunMode.DryRun)
            {
                return WithMatch(outcome, chosen, TrackStatus.Planned);
            }

            IReadOnlyList<string> paths;
            try
            {
                paths = await StoreAsync(planned, complete, chosen, settings.Format, cancellationToken);
            }
            catch (TrackFailedException ex) when (ex.VideoUnavailable)
            {
                // A cached match whose video has gone: forget it and search once more.
                _log.LogInformation("{Title}: video {VideoId} unavailable, searching again", complete.Title, chosen.VideoId);
                chosen = await matcher.RematchAsync(complete, chosen.VideoId!, cancellationToken);
                if (!chosen.IsMatched)
                {
                    return WithMatch(outcome, chosen, TrackStatus.Downloaded);
                }

                paths = await StoreAsync(planned, complete, chosen, settings.Format, cancellationToken);
            }

            Interlocked.Exchange(ref _systemicStreak, 0);
            return WithMatch(outcome, chosen, TrackStatus.Downloaded) with { Path = paths[0], Copies = Copies(paths) };
        }
        catch (TrackFailedException ex) when (ex.NotTheTracks && Interlocked.Increment(ref _systemicStreak) >= SystemicFailureLimit)
        {
            throw new RunAbortedException($"{SystemicFailureLimit} tracks in a row failed for a reason that is not theirs, so the run stops: {ex.Message}", ex);
        }
        catch (TrackFailedException ex)
        {
            _log.LogWarning("{Artist} - {Title}: {Reason}", planned.Track.FirstArtist, planned.Track.Title, ex.Message);
            return outcome with { Status = TrackStatus.Failed, Error = ex.Message };
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or RunAbortedException))
        {
            // Whatever went wrong belongs to this track alone; the others go on.
            _log.LogWarning(ex, "{Artist} - {Title}: failed", planned.Track.FirstArtist, planned.Track.Title);
            return outcome with { Status = TrackStatus.Failed, Error = ex.Message };
        }
    }

    private Task<IReadOnlyList<string>> StoreAsync(PlannedTrack planned, Track full, MatchResult match, AudioFormat format, CancellationToken cancellationToken) =>
        Library.StoreAsync(planned, full, match, (path, ct) => Producer.ProduceAsync(match, format, path, ct), cancellationToken);

    private static TrackOutcome WithMatch(TrackOutcome outcome, MatchResult match, TrackStatus whenMatched) => WithStatus(
        outcome with { Candidates = match.TopCandidates.Select(c => c.ToReport()).ToArray() }, match, whenMatched);

    private static TrackOutcome WithStatus(TrackOutcome outcome, MatchResult match, TrackStatus whenMatched) => match.Status switch
    {
        MatchStatus.Matched => outcome with { Status = whenMatched, VideoId = match.VideoId, Provider = match.Provider, Score = match.Score, Error = null },
        MatchStatus.Excluded => outcome with { Status = TrackStatus.Excluded, Error = "pinned to skip in overrides" },
        _ => outcome with { Status = TrackStatus.NotFound, Error = NotFoundReason(match) },
    };

    private static string NotFoundReason(MatchResult match)
    {
        var best = match.TopCandidates.Count > 0 ? match.TopCandidates[0] : null;
        return best is null
            ? "no search result"
            : $"no candidate reached the match threshold; best was \"{best.Candidate.Title}\" ({best.Score.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}{(best.Score.Rejection is { } r ? ", " + r : string.Empty)})";
    }

    private static IReadOnlyList<string>? Copies(IReadOnlyList<string> paths) => paths.Count > 1 ? paths.Skip(1).ToArray() : null;

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

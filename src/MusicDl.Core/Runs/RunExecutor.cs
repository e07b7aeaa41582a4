using Microsoft.Extensions.Logging;
using MusicDl.Composition;
using MusicDl.Configuration;
using MusicDl.Downloading;
using MusicDl.Library;
using MusicDl.Models;
using MusicDl.Output;
using MusicDl.Spotify;

namespace MusicDl.Runs;

/// <summary>
/// Executes a <see cref="RunRequest"/>: checks the Spotify credentials, builds the run (<see cref="MusicDlRuntime"/>),
/// runs the pipeline, prunes for <c>sync --prune</c>, and sums it all up with the exit code the outcomes earn.
/// The request's settings are taken as given (the CLI resolves them once); the host gives the clock, logging and PATH.
/// </summary>
public sealed class RunExecutor(RunHost host)
{
    /// <summary>Throws <see cref="ConfigException"/> when the credentials are missing, before any network call.</summary>
    public async Task<RunReport> ExecuteAsync(RunRequest request, IRunObserver observer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(observer);
        var settings = request.Settings;
        var spotifyOptions = host.SpotifyOptions(settings);
        var loggers = host.Loggers;
        // Without credentials (spotify_access: auto) the run reads Spotify's public pages; only `api` needs them.
        if (!SpotifyClient.ReadsOnlyPublicPages(settings, spotifyOptions)
            && SpotifyCredentials.Problem(settings, SpotifyClient.HasSavedLogin(settings, spotifyOptions), request.ConfigPath) is { } problem)
        {
            throw new ConfigException(settings.SpotifyAccess == SpotifyAccess.Api
                ? problem + "; or read public links without an account: spotify_access: auto (or --spotify-access public)"
                : problem);
        }

        if (request.Mode != RunMode.Match)
        {
            // Said before any network request, dry run or not: a run that cannot place a file must not start.
            LibraryFolder.Check(settings.OutputDir);
        }

        // Settled entries of the review file being rewritten are kept; a broken one stops here, before any request.
        // The file is written whole after the run, even when interrupted it is not half-written (see WriteReviewAsync).
        IReadOnlyDictionary<string, string>? settled = null;
        if (request.ReviewFile is { } reviewPath)
        {
            // What is at the path is checked first: reading a FIFO would block, and only a regular file is replaced.
            if (ReviewFile.CannotWrite(reviewPath) is { } reason)
            {
                throw new ConfigException($"--review {reviewPath}: cannot write there ({reason})");
            }

            settled = File.Exists(reviewPath) ? await OverridesFile.ReadAsync(reviewPath, cancellationToken) : new Dictionary<string, string>();
        }

        var time = host.Time;
        var started = time.GetTimestamp();
        Profiling.Phases.Mark("run checks");
        await using var runtime = await MusicDlRuntime.CreateAsync(settings, request.Mode, request.LockWait, host, cancellationToken);
        var downloader = runtime.Downloader;
        Profiling.Phases.Mark("runtime created");
        downloader.Planned += observer.Planned;
        downloader.TrackStarted += observer.TrackStarted;
        downloader.TrackFinished += observer.TrackFinished;
        downloader.SourceFailed += observer.SourceFailed;
        var result = await downloader.RunAsync(new DownloadRequest(request.Sources, settings, request.Mode) { Immediate = request.Immediate }, cancellationToken);

        // One line per optional service that left files incomplete, however many tracks it cost (ServiceHealth).
        foreach (var line in runtime.OptionalServices.Select(s => s.Report()).OfType<string>())
        {
            loggers.CreateLogger("services").LogWarning("{Line}", line);
        }

        IReadOnlyList<TrackOutcome> pruned = [];
        if (request.Prune && runtime.Library is { } library)
        {
            pruned = await SyncPruner.PruneAsync(library, request.Sources, result, request.Mode == RunMode.DryRun, observer.TrackFinished, cancellationToken);
        }

        if (request.ReviewFile is { } review && settled is not null)
        {
            await WriteReviewAsync(review, settled, result, settings);
        }

        var summary = new RunSummary
        {
            Downloaded = result.Count(TrackStatus.Downloaded),
            Skipped = result.Count(TrackStatus.Skipped),
            Retagged = result.Count(TrackStatus.Retagged),
            Matched = result.Count(TrackStatus.Matched),
            Planned = result.Count(TrackStatus.Planned) + pruned.Count(p => p.Status == TrackStatus.Planned),
            Missing = result.Count(TrackStatus.Missing),
            Excluded = result.Count(TrackStatus.Excluded),
            Pruned = pruned.Count(p => p.Status == TrackStatus.Pruned),
            NotFound = result.Count(TrackStatus.NotFound),
            Failed = result.Count(TrackStatus.Failed),
            Unsupported = result.Count(TrackStatus.Unsupported),
            SourcesFailed = result.SourceFailures.Count,
            FromPublicPages = result.ResolvedSources.SelectMany(r => r.Entries)
                .Where(e => e.Track is { FromPublicPage: true })
                .Select(e => e.Track!.Id)
                .Distinct(StringComparer.Ordinal)
                .Count(),
            ExitCode = (int)result.ExitCode,
            Error = result.AbortMessage,
            ElapsedS = time.GetElapsedTime(started).TotalSeconds,
            Requests = runtime.Requests,
            Cache = runtime.Cache.GetStatistics(),
        };
        Profiling.Phases.Mark("run summary");
        return new RunReport(result, pruned, summary);
    }

    /// <summary>
    /// A run cut short leaves the file as it was: its outcomes would drop tracks that were never matched.
    /// </summary>
    private async Task WriteReviewAsync(
        string path, IReadOnlyDictionary<string, string> settled, RunResult result, MusicDlSettings settings)
    {
        var log = host.Loggers.CreateLogger("review");
        if (result.Interrupted || result.AbortMessage is not null)
        {
            log.LogWarning("{Path} left unchanged: the run did not finish", path);
            return;
        }

        var text = ReviewFile.Render(result.Outcomes, settings.ReviewThreshold, settled);
        await ReviewFile.WriteAsync(path, text, CancellationToken.None);
        var listed = result.Outcomes.Count(o => ReviewFile.NeedsReview(o, settings.ReviewThreshold) && !settled.ContainsKey(o.SpotifyId!));
        log.LogInformation("{Count} track(s) to review written to {Path}", listed, path);
    }
}

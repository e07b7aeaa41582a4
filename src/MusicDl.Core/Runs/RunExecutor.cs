using Microsoft.Extensions.Logging;
using MusicDl.Configuration;
using MusicDl.Downloading;
using MusicDl.Models;
using MusicDl.Output;
using MusicDl.Spotify;

namespace MusicDl.Runs;

/// <summary>
/// Executes a <see cref="RunRequest"/>: checks the Spotify credentials, builds the run (<see cref="MusicDlRuntime"/>),
/// runs the pipeline, prunes for <c>sync --prune</c>, and sums it all up with the exit code the outcomes earn.
/// </summary>
public sealed class RunExecutor(ILoggerFactory loggers, SpotifyClientOptions spotifyOptions)
{
    /// <summary>Throws <see cref="ConfigException"/> when the credentials are missing, before any network call.</summary>
    public async Task<RunReport> ExecuteAsync(RunRequest request, IRunObserver observer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(observer);
        var settings = request.Settings;
        var loggedIn = false;
        if (!string.IsNullOrWhiteSpace(settings.ClientId))
        {
            // Disposed before the run starts: the run opens the login file itself.
            using var login = new SpotifyLogin(settings, spotifyOptions);
            loggedIn = login.IsLoggedIn;
        }

        if (SpotifyCredentials.Problem(settings, loggedIn, request.ConfigPath) is { } problem)
        {
            throw new ConfigException(problem);
        }

        var time = spotifyOptions.TimeProvider;
        var started = time.GetTimestamp();
        await using var runtime = await MusicDlRuntime.CreateAsync(settings, request.Mode, request.LockWait, loggers, spotifyOptions, cancellationToken);
        var downloader = runtime.Downloader;
        downloader.Planned += observer.Planned;
        downloader.TrackStarted += observer.TrackStarted;
        downloader.TrackFinished += observer.TrackFinished;
        downloader.SourceFailed += observer.SourceFailed;
        var result = await downloader.RunAsync(new DownloadRequest(request.Sources, settings, request.Mode), cancellationToken);

        IReadOnlyList<TrackOutcome> pruned = [];
        if (request.Prune && runtime.Library is { } library)
        {
            pruned = await SyncPruner.PruneAsync(library, request.Sources, result, request.Mode == RunMode.DryRun, observer.TrackFinished, cancellationToken);
        }

        var summary = new RunSummary
        {
            Downloaded = result.Count(TrackStatus.Downloaded),
            Skipped = result.Count(TrackStatus.Skipped),
            Retagged = result.Count(TrackStatus.Retagged),
            NotFound = result.Count(TrackStatus.NotFound),
            Failed = result.Count(TrackStatus.Failed),
            Unsupported = result.Count(TrackStatus.Unsupported),
            ExitCode = (int)result.ExitCode,
            ElapsedS = time.GetElapsedTime(started).TotalSeconds,
            Requests = runtime.Requests,
            Cache = runtime.Cache.GetStatistics(),
        };
        return new RunReport(result, pruned, summary);
    }
}

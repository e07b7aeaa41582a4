using MusicDl.Audio;
using MusicDl.Caching;
using MusicDl.Configuration;
using MusicDl.Http;
using MusicDl.Library;
using MusicDl.Models;
using MusicDl.Output;

namespace MusicDl.Downloading;

/// <summary>Whose fault a failure is, and so what the run does about it.</summary>
public enum Fault
{
    /// <summary>What was asked for (a track not found, a video gone, a source that cannot be read): the run goes on.</summary>
    Item,

    /// <summary>A service or the network (timeouts, 5xx, refused, answers of a new shape): counted toward the run's stop.</summary>
    Service,

    /// <summary>A tool on this machine (ffmpeg, ffprobe, yt-dlp): counted toward the run's stop.</summary>
    Tool,

    /// <summary>The command line or the config: exit 2 before anything starts.</summary>
    Usage,

    /// <summary>Nothing further can work in this run (credentials, a locked or unusable library, the session limit, a stop).</summary>
    CannotProceed,

    /// <summary>The user's signal.</summary>
    Interrupted,

    /// <summary>Nobody classified it: a bug (exit 3 with one line).</summary>
    Unknown,
}

/// <summary>A classified failure: whose fault, which service or tool, and the exit code when it ends the command.</summary>
public sealed record FailureVerdict(Fault Fault, string? Service, ExitCode? ExitCode)
{
    /// <summary>The line the run prints when <paramref name="limit"/> tracks in a row failed so.</summary>
    public string StopMessage(int limit, string message) =>
        $"{Service} failed for {limit} tracks in a row for reasons that are not the tracks' own, so the run stops " +
        $"(the last: {message.TrimEnd('.')}). {Advice}";

    private string Advice => Service switch
    {
        "ffmpeg" => "Check that ffmpeg runs on this machine (ffmpeg_path) and that the disk is not stalled, then run again.",
        "yt-dlp" => "Update yt-dlp (yt-dlp -U) or check ytdlp_path and ytdlp_cookies, then run again.",
        "Spotify's public pages" => "Update musicdl, or read Spotify through the Web API (spotify_access: api with credentials).",
        _ => $"Check the network and {Service}'s status; if it is only slow raise request_timeout, otherwise run again later. Everything placed so far stays.",
    };
}

/// <summary>
/// The one classifier of failures: every exception a run or a command meets is judged here, by whose fault it is
/// (<see cref="Fault"/>): the pipeline's stop rule counts the service's and the tools' faults, the CLI takes the exit
/// code. A service's failure is judged on its <see cref="ServiceException.Kind"/>, never on which client raised it.
/// </summary>
public static class Failures
{
    public static FailureVerdict Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            ConfigException or SourceParseException => new(Fault.Usage, null, ExitCode.Usage),
            OperationCanceledException => new(Fault.Interrupted, null, ExitCode.Interrupted),
            // Spotify failing after its retries (down, 5xx, timeouts) for one track is the service's fault (counted toward
            // the stop); met outside a run's tracks it ends the command, as every command starts with Spotify.
            ServiceException { Service: "Spotify", Kind: ServiceFailureKind.Unreachable or ServiceFailureKind.ConnectionLost or ServiceFailureKind.Timeout or ServiceFailureKind.ServerError } s
                => new(Fault.Service, s.Service, ExitCode.CannotProceed),
            // Spotify's limit is the app's: a 429 that outlasted the waits allowed stops the run, where another service's
            // "slow down" (a search's bot check) is one request's.
            ServiceException { Service: "Spotify", Kind: ServiceFailureKind.RateLimited } s => new(Fault.CannotProceed, s.Service, ExitCode.CannotProceed),
            ServiceException { Kind: ServiceFailureKind.Unauthorized or ServiceFailureKind.SessionLimit } s => new(Fault.CannotProceed, s.Service, ExitCode.CannotProceed),
            LibraryLockedException or LibraryUnusableException or CacheFileUnusableException or RunAbortedException => new(Fault.CannotProceed, null, ExitCode.CannotProceed),
            FfmpegNotFoundException => new(Fault.CannotProceed, "ffmpeg", ExitCode.CannotProceed),
            TrackFailedException { NotTheTracks: true, Service: "ffmpeg" or "ffprobe" or "yt-dlp" } t => new(Fault.Tool, t.Service, null),
            TrackFailedException { NotTheTracks: true } t => new(Fault.Service, t.Service ?? "YouTube", null),
            // A service's failure that ends a command (auth status's /me answered with garbage, say) is the service's
            // doing, not a bug: its own message and exit 3, not "internal error".
            ServiceException { IsTransient: true } s => new(Fault.Service, s.Service, ExitCode.CannotProceed),
            ServiceException => new(Fault.Item, null, ExitCode.CannotProceed),
            TrackFailedException or SourceUnavailableException => new(Fault.Item, null, null),
            _ => new(Fault.Unknown, null, null),
        };
    }

    /// <summary>The exit code a failure that ends a command earns, or null when it is not one of the known ones (a bug).</summary>
    public static ExitCode? ExitCodeOf(Exception exception) => Classify(exception).ExitCode;

    /// <summary>True when the failure is not the track's own: counted toward the run's stop.</summary>
    public static bool IsSystemic(FailureVerdict verdict) => verdict.Fault is Fault.Service or Fault.Tool;
}

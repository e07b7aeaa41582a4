using MusicDl.Audio;
using MusicDl.Configuration;
using MusicDl.Downloading;
using MusicDl.Library;
using MusicDl.Models;
using MusicDl.Output;
using MusicDl.Spotify;

namespace MusicDl.Runs;

/// <summary>The exit code of a failure that stops a command before or instead of a run's own result.</summary>
public static class FailureExitCode
{
    /// <summary>The code <paramref name="exception"/> earns, or null when it is not one of the known failures (a bug).</summary>
    public static ExitCode? Of(Exception exception) => exception switch
    {
        ConfigException or SourceParseException => ExitCode.Usage,
        SpotifyCannotProceedException or LibraryLockedException or RunAbortedException or FfmpegNotFoundException => ExitCode.CannotProceed,
        OperationCanceledException => ExitCode.Interrupted,
        _ => null,
    };
}

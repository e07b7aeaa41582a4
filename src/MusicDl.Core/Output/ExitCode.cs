namespace MusicDl.Output;

/// <summary>
/// The one definition of musicdl's exit codes (README, "Exit codes"). When several apply, the highest in the order
/// 130, 3, 2, 1, 0 wins.
/// </summary>
public enum ExitCode
{
    /// <summary>Every supported track asked for is present locally.</summary>
    Ok = 0,

    /// <summary>At least one track not found or failed (or a source could not be read); the rest done.</summary>
    SomeFailed = 1,

    /// <summary>Bad usage, input or configuration; nothing done.</summary>
    Usage = 2,

    /// <summary>Cannot proceed: credentials rejected, service unreachable, rate-limit wait over the cap, library locked, ffmpeg missing.</summary>
    CannotProceed = 3,

    /// <summary>Interrupted by Ctrl+C, SIGTERM or SIGHUP.</summary>
    Interrupted = 130,
}

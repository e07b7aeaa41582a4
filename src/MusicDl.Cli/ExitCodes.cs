namespace MusicDl.Cli;

/// <summary>The exit codes; when several apply the highest in the order 130, 3, 2, 1, 0 wins.</summary>
internal static class ExitCodes
{
    /// <summary>Every supported track asked for is present locally.</summary>
    public const int Ok = 0;

    /// <summary>At least one track not found or failed (or a source could not be read); the rest done.</summary>
    public const int SomeFailed = 1;

    /// <summary>Bad usage, input or configuration; nothing done.</summary>
    public const int Usage = 2;

    /// <summary>Cannot proceed: credentials rejected, service unreachable, rate-limit wait over the cap, library locked, ffmpeg missing.</summary>
    public const int CannotProceed = 3;

    /// <summary>Interrupted by Ctrl+C or SIGTERM.</summary>
    public const int Interrupted = 130;

    public const string HelpText = """
        Exit codes:
          0    every supported track asked for is present locally (downloaded, skipped, retagged)
          1    at least one track not_found or failed, or a source could not be read; the rest done
          2    bad usage, input or configuration; nothing done
          3    cannot proceed: credentials rejected, service unreachable, rate-limit wait over the cap,
               library locked by another run, ffmpeg missing
          130  interrupted (Ctrl+C or SIGTERM); no partial file is left at a final path
        """;
}

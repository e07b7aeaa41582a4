namespace MusicDl.Output;

/// <summary>What each <see cref="ExitCode"/> means, as <c>musicdl --help</c> lists it.</summary>
public static class ExitCodeHelp
{
    public static string Text { get; } = $"""
        Exit codes:
          {(int)ExitCode.Ok,-5}every supported track asked for is present locally (downloaded, skipped, retagged)
          {(int)ExitCode.SomeFailed,-5}at least one track not_found or failed, or a source could not be read; the rest done
          {(int)ExitCode.Usage,-5}bad usage, input or configuration; nothing done
          {(int)ExitCode.CannotProceed,-5}cannot proceed: credentials rejected, service unreachable, rate-limit wait over the cap,
               library locked by another run, ffmpeg missing
          {(int)ExitCode.Interrupted,-5}interrupted (Ctrl+C or SIGTERM); no partial file is left at a final path
        """;
}

namespace MusicDl.Output;

/// <summary>What each <see cref="ExitCode"/> means, as <c>musicdl --help</c> lists it.</summary>
public static class ExitCodeHelp
{
    public static string Text { get; } = $"""
        Exit codes:
          {(int)ExitCode.Ok,-5}every supported track asked for is present locally (downloaded, skipped, retagged)
          {(int)ExitCode.SomeFailed,-5}at least one track not_found or failed, or a source could not be read; the rest done
          {(int)ExitCode.Usage,-5}bad usage, input or configuration; nothing done
          {(int)ExitCode.CannotProceed,-5}cannot proceed: credentials rejected, a service unreachable or past request_timeout
               (5 tracks in a row for YouTube), YouTube's session limit, rate-limit wait over the cap,
               library locked by another run, ffmpeg missing; the last stderr line names the service
          {(int)ExitCode.Interrupted,-5}interrupted (Ctrl+C, SIGTERM or SIGHUP; a second signal cancels running tracks at once);
               no temporary or partial file is left
        """;
}

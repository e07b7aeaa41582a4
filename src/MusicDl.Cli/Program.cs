using System.Collections;
using System.Runtime.InteropServices;

namespace MusicDl.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // The one read of the process environment: everything below is given this copy (CliApp).
        // Windows' variable names are case-insensitive ("Path" is PATH), as the process's own look-ups were.
        var environment = new Dictionary<string, string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (DictionaryEntry e in System.Environment.GetEnvironmentVariables())
        {
            environment[(string)e.Key] = (string?)e.Value ?? string.Empty;
        }

        // MUSICDL_PHASES=1: where a run's time goes, on stderr at the end (docs/performance.md, warm re-sync).
        if (environment.GetValueOrDefault("MUSICDL_PHASES") == "1")
        {
            Profiling.Phases.Start();
        }

        // Ctrl+C, SIGTERM (cron, systemd, kill, timeout) and SIGHUP (a closed terminal, a dropped ssh session) stop the run cleanly: the first stops new tracks and lets
        // running ones finish or clean up; a second (timeout and service managers send one to the whole process group)
        // cancels the running ones at once. Either way temporary files are removed, the state is written, exit 130.
        // Only SIGKILL can leave temporary files; the next start removes them.
        using var interrupt = new CancellationTokenSource();
        using var immediate = new CancellationTokenSource();
        void OnSignal(PosixSignalContext context)
        {
            // A third signal, if cleanup itself hangs, ends the process the default way.
            context.Cancel = !immediate.IsCancellationRequested;
            if (!interrupt.IsCancellationRequested)
            {
                interrupt.Cancel();
            }
            else
            {
                immediate.Cancel();
            }
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal);

        // A closed or broken stdout stops the run like a signal would, then ends it with exit 3 and one line.
        using var stdout = StdoutGuard.Create();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(interrupt.Token, stdout.Broken);
        var app = new CliApp(stdout, Console.Error, environment, Console.In) { StderrIsTerminal = !Console.IsErrorRedirected, Immediate = immediate.Token, Time = TimeProvider.System };
        Profiling.Phases.Mark("command tree");
        var code = await app.RunAsync(args, stop.Token);
        Profiling.Phases.Mark("end");
        Profiling.Phases.WriteTo(Console.Error);
        if (stdout.Failure is { } failure && !interrupt.IsCancellationRequested)
        {
            Console.Error.WriteLine($"musicdl: cannot write to stdout ({failure}); stopped");
            return 3;
        }

        return code;
    }
}

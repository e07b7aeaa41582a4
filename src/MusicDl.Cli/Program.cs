using System.Collections;
using System.Runtime.InteropServices;

namespace MusicDl.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry e in System.Environment.GetEnvironmentVariables())
        {
            environment[(string)e.Key] = (string?)e.Value ?? string.Empty;
        }

        // Ctrl+C and SIGTERM (cron, systemd, kill) both stop the run cleanly: new tracks stop, running ones finish
        // or clean up, the state is written, exit 130. A second signal ends the process at once.
        using var interrupt = new CancellationTokenSource();
        void OnSignal(PosixSignalContext context)
        {
            if (!interrupt.IsCancellationRequested)
            {
                context.Cancel = true;
                interrupt.Cancel();
            }
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

        var app = new CliApp(Console.Out, Console.Error, environment, Console.In) { StderrIsTerminal = !Console.IsErrorRedirected };
        return await app.RunAsync(args, interrupt.Token);
    }
}

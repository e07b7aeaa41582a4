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

        var app = new CliApp(Console.Out, Console.Error, environment, Console.In) { StderrIsTerminal = !Console.IsErrorRedirected };

        // SIGINT and SIGTERM cancel the run instead of ending the process: running tracks clean up, the state is
        // written, and the exit code is 130 (the runtime's default for SIGTERM would be 143 with work cut off).
        using var interrupt = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);
        return await app.RunAsync(args, interrupt.Token);

        void Interrupt(PosixSignalContext context)
        {
            context.Cancel = true;
            interrupt.Cancel();
        }
    }
}

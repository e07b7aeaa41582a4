using System.Collections;

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
        return await app.RunAsync(args);
    }
}

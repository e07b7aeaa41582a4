namespace MusicDl.Tests.Cli;

/// <summary>Runs the CLI in process with captured streams and a controlled environment.</summary>
internal static class CliRunner
{
    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string[] args, IReadOnlyDictionary<string, string>? environment = null, string? stdin = null)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var app = new MusicDl.Cli.CliApp(stdout, stderr, environment ?? new Dictionary<string, string>(), stdin is null ? null : new StringReader(stdin)) { Time = TimeProvider.System };
        var code = await app.RunAsync(args);
        return (code, stdout.ToString(), stderr.ToString());
    }
}

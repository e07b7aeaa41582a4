using MusicDl.Runs;

namespace MusicDl.Cli;

/// <summary>Hands a <see cref="RunRequest"/> to Core and prints the run as it goes: what download, sync and match share.</summary>
internal static class ReportedRun
{
    public static async Task<int> ExecuteAsync(Invocation invocation, RunRequest request, bool json, CancellationToken cancellationToken)
    {
        request = request with { Settings = invocation.WithDefaultCacheFile(request.Settings), ConfigPath = invocation.Config?.Path, Immediate = invocation.App.Immediate };
        var reporter = new ConsoleReporter(
            invocation.Stdout,
            invocation.Stderr,
            json,
            invocation.Quiet,
            invocation.App.StderrIsTerminal && !invocation.NoColor && !invocation.Quiet)
        {
            Explain = request.Explain,
        };
        var report = await new RunExecutor(invocation.Logging, invocation.SpotifyOptions(), invocation.App.PathVariable).ExecuteAsync(request, reporter, cancellationToken);
        reporter.Complete(report.Summary, report.AbortMessage);
        return (int)report.ExitCode;
    }
}

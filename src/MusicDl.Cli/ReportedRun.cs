using MusicDl.Runs;

namespace MusicDl.Cli;

/// <summary>Hands a <see cref="RunRequest"/> to Core and prints the run as it goes: what download, sync and match share.</summary>
internal static class ReportedRun
{
    public static async Task<int> ExecuteAsync(Invocation invocation, RunRequest request, bool json, CancellationToken cancellationToken)
    {
        // The run's settings, resolved here once: the default cache file of this invocation's environment, and a
        // review file or --explain asks every match to be searched again (a cached match has no candidates to show).
        var settings = invocation.WithDefaultCacheFile(request.Settings);
        if (request.ReviewFile is not null || request.Explain)
        {
            settings = settings with { RecheckMatches = true };
        }

        request = request with { Settings = settings, ConfigPath = invocation.Config?.Path, Immediate = invocation.App.Immediate };
        var reporter = new ConsoleReporter(
            invocation.Stdout,
            invocation.Stderr,
            json,
            invocation.Quiet,
            invocation.App.StderrIsTerminal && !invocation.NoColor && !invocation.Quiet)
        {
            Explain = request.Explain,
        };
        RunReport report;
        try
        {
            report = await new RunExecutor(invocation.RunHost()).ExecuteAsync(request, reporter, cancellationToken);
        }
        finally
        {
            // Lines of tracks done before a failure are results too: written before the failure's own line.
            reporter.WritePending();
        }

        Profiling.Phases.Mark("runtime disposed");
        reporter.Complete(report.Summary, report.AbortMessage);
        Profiling.Phases.Mark("summary written");
        return (int)report.ExitCode;
    }
}

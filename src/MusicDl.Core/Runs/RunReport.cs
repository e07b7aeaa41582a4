using MusicDl.Downloading;
using MusicDl.Models;
using MusicDl.Output;

namespace MusicDl.Runs;

/// <summary>What a run produced: the pipeline's result, the files pruned (or to be pruned), the summary and the exit code.</summary>
public sealed record RunReport(RunResult Result, IReadOnlyList<TrackOutcome> Pruned, RunSummary Summary)
{
    /// <summary>Computed from the run's outcomes only; pruning never changes it.</summary>
    public ExitCode ExitCode => Result.ExitCode;

    /// <summary>Why the run stopped early (exit 3), if it did.</summary>
    public string? AbortMessage => Result.AbortMessage;
}

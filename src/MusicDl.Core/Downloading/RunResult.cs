using MusicDl.Models;
using MusicDl.Output;

namespace MusicDl.Downloading;

/// <summary>Everything a run produced, and the exit code it earns.</summary>
public sealed record RunResult(
    IReadOnlyList<TrackOutcome> Outcomes,
    IReadOnlyList<SourceFailure> SourceFailures,
    string? AbortMessage,
    bool Interrupted,
    TimeSpan Elapsed)
{
    /// <summary>The sources read in this run, in order (for sync pruning); a source that failed to load is absent.</summary>
    public IReadOnlyList<ResolvedSource> ResolvedSources { get; init; } = [];

    public int Count(TrackStatus status) => Outcomes.Count(o => o.Status == status);

    /// <summary>Interrupted, else cannot proceed (aborted), else some failed (a track not found or failed, a source unreadable), else ok.</summary>
    public ExitCode ExitCode =>
        Interrupted ? ExitCode.Interrupted
        : AbortMessage is not null ? ExitCode.CannotProceed
        : SourceFailures.Count > 0 || Outcomes.Any(o => o.Status is TrackStatus.NotFound or TrackStatus.Failed) ? ExitCode.SomeFailed
        : ExitCode.Ok;
}

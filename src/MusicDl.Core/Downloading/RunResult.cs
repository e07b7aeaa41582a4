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
    public int Count(TrackStatus status) => Outcomes.Count(o => o.Status == status);

    /// <summary>130 interrupted, 3 aborted, 1 a track not found or failed or a source unreadable, else 0.</summary>
    public int ExitCode =>
        Interrupted ? 130
        : AbortMessage is not null ? 3
        : SourceFailures.Count > 0 || Outcomes.Any(o => o.Status is TrackStatus.NotFound or TrackStatus.Failed) ? 1
        : 0;
}

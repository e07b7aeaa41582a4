using MusicDl.Models;

namespace MusicDl.Downloading;

/// <summary>
/// The matcher's answer in the pipeline's terms: the chosen video with the provider and score that chose it, or none
/// (not found, or pinned to skip), and the best candidates seen, best first, as the outcome reports them.
/// </summary>
public sealed record TrackMatch
{
    /// <summary>The chosen video; null when none was.</summary>
    public string? VideoId { get; init; }

    public string? Provider { get; init; }

    public double? Score { get; init; }

    /// <summary>The album the provider names for the chosen song, when it names one.</summary>
    public string? Album { get; init; }

    /// <summary>Decided by the overrides (a pinned video is never searched around), not by a search.</summary>
    public bool Pinned { get; init; }

    /// <summary>Pinned to skip by the overrides.</summary>
    public bool Excluded { get; init; }

    public IReadOnlyList<CandidateReport> Candidates { get; init; } = [];

    public bool IsMatched => VideoId is not null && !Excluded;
}

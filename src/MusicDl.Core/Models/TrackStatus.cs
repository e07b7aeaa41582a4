namespace MusicDl.Models;

/// <summary>The outcome of one track; serialised in snake_case.</summary>
public enum TrackStatus
{
    Downloaded,
    Skipped,
    Retagged,
    Missing,
    Excluded,
    Planned,
    Pruned,
    Matched,
    NotFound,
    Failed,
    Unsupported,
}

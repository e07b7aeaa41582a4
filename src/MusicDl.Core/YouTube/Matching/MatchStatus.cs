namespace MusicDl.YouTube.Matching;

/// <summary>The outcome of matching one track.</summary>
public enum MatchStatus
{
    /// <summary>A video was chosen (searched, cached or pinned by an override).</summary>
    Matched,

    /// <summary>No candidate reached the threshold: nothing is downloaded rather than a wrong song.</summary>
    NotFound,

    /// <summary>An override says "skip".</summary>
    Excluded,
}

namespace MusicDl.YouTube.Matching;

/// <summary>Where a match came from.</summary>
public enum MatchSource
{
    Search,

    /// <summary>The <c>match</c> cache region: no search was made.</summary>
    Cache,

    /// <summary>An <c>overrides:</c> entry: never searched.</summary>
    Override,
}

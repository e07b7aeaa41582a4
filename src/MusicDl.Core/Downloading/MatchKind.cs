namespace MusicDl.Downloading;

public enum MatchKind
{
    Matched,
    NotFound,

    /// <summary>Pinned to <c>skip</c> in the config's overrides.</summary>
    Excluded,
}

namespace MusicDl.Caching;

/// <summary>What a cache lookup found.</summary>
public enum CacheLookupKind
{
    /// <summary>Nothing known: ask the origin.</summary>
    Miss,

    /// <summary>A value was found.</summary>
    Hit,

    /// <summary>The key is known to have no value ("known absent"), e.g. a search without an acceptable result.</summary>
    Negative,
}

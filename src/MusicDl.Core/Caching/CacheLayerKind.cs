namespace MusicDl.Caching;

/// <summary>Where a layer sits, which decides the statistic its hits count in.</summary>
internal enum CacheLayerKind
{
    /// <summary>The local SQLite file.</summary>
    Persistent,

    /// <summary>Redis, shared between machines.</summary>
    Shared,
}

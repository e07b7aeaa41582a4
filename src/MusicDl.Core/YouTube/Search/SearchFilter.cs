namespace MusicDl.YouTube.Search;

/// <summary>Which kind of results a search asks for.</summary>
public enum SearchFilter
{
    /// <summary>Everything (songs, videos, albums, artists... mixed, with a top-result card).</summary>
    None,

    /// <summary>Songs only (YouTube Music "songs" filter: audio tracks, MUSIC_VIDEO_TYPE_ATV).</summary>
    Songs,

    /// <summary>Videos only.</summary>
    Videos,
}

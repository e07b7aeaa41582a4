namespace MusicDl.YouTube.Search;

/// <summary>
/// What a search result is, from YouTube Music's <c>musicVideoType</c>, in the order the matcher prefers
/// them for the same recording: the album's own audio, then the official video, then anything uploaded.
/// </summary>
public enum CandidateKind
{
    /// <summary>An uploaded video (MUSIC_VIDEO_TYPE_UGC), or a plain YouTube video whose origin is unknown.</summary>
    Upload = 0,

    /// <summary>The official music video (MUSIC_VIDEO_TYPE_OMV).</summary>
    Video = 1,

    /// <summary>The album's own audio track (MUSIC_VIDEO_TYPE_ATV), a "song".</summary>
    Song = 2,
}

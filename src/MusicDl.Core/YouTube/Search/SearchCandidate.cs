using System.Text.Json.Serialization;

namespace MusicDl.YouTube.Search;

/// <summary>
/// One playable search result. <see cref="IsSong"/> is true for YouTube Music audio tracks
/// (MUSIC_VIDEO_TYPE_ATV); videos (official, user uploads, plain YouTube) are false.
/// For plain YouTube results <see cref="Artists"/> holds the channel name.
/// </summary>
public sealed record SearchCandidate
{
    public required string VideoId { get; init; }

    public required string Title { get; init; }

    public IReadOnlyList<string> Artists { get; init; } = [];

    public string? Album { get; init; }

    public TimeSpan? Duration { get; init; }

    public bool Explicit { get; init; }

    public bool IsSong { get; init; }

    /// <summary>The raw musicVideoType (MUSIC_VIDEO_TYPE_ATV, _OMV, _UGC...), null for plain YouTube.</summary>
    public string? VideoType { get; init; }

    /// <summary>
    /// YouTube Music shows the item greyed out (<c>MUSIC_ITEM_RENDERER_DISPLAY_POLICY_GREY_OUT</c>): it cannot be played,
    /// so it is never a match; kept only to be listed as skipped.
    /// </summary>
    public bool GreyedOut { get; init; }

    /// <summary><see cref="SearchProviders.YouTubeMusic"/> or <see cref="SearchProviders.YouTube"/>.</summary>
    public required string Provider { get; init; }

    /// <summary>Song, official video or upload, read from <see cref="VideoType"/> (an audio track without one is a song).</summary>
    [JsonIgnore]
    public CandidateKind Kind => VideoType switch
    {
        "MUSIC_VIDEO_TYPE_ATV" => CandidateKind.Song,
        "MUSIC_VIDEO_TYPE_OMV" or "MUSIC_VIDEO_TYPE_OFFICIAL_SOURCE_MUSIC" => CandidateKind.Video,
        null when IsSong => CandidateKind.Song,
        _ => CandidateKind.Upload,
    };

    [JsonIgnore]
    public string WatchUrl => Models.VideoId.WatchUrlOf(VideoId)!;
}

namespace MusicDl.Fakes.YouTubeMusic;

/// <summary>
/// A song or video the fake search services know. <see cref="IsSong"/> makes it an audio track
/// (MUSIC_VIDEO_TYPE_ATV); otherwise it is a video of <see cref="VideoType"/>.
/// </summary>
public sealed record FakeSong
{
    public required string VideoId { get; init; }

    public required string Title { get; init; }

    public IReadOnlyList<string> Artists { get; init; } = [];

    public string? Album { get; init; }

    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(3);

    public bool IsSong { get; init; } = true;

    public string VideoType => IsSong ? "MUSIC_VIDEO_TYPE_ATV" : NonSongVideoType;

    /// <summary>MUSIC_VIDEO_TYPE_OMV (official) or MUSIC_VIDEO_TYPE_UGC (user upload) for videos.</summary>
    public string NonSongVideoType { get; init; } = "MUSIC_VIDEO_TYPE_OMV";

    public bool Explicit { get; init; }

    /// <summary>Shown greyed out by YouTube Music (it cannot be played there): no play button, no video type.</summary>
    public bool GreyedOut { get; init; }

    /// <summary>Searching this ISRC answers with this song as the top-result card.</summary>
    public string? Isrc { get; init; }

    /// <summary>Shown on plain YouTube as the channel; defaults to the first artist.</summary>
    public string? Channel { get; init; }

    /// <summary>The YouTube Music song of a fake Spotify track: same title, artist, album, length and ISRC.</summary>
    public static FakeSong Of(Spotify.FakeTrack track, Spotify.FakeAlbum album, string artist, string videoId)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(album);
        return new FakeSong
        {
            VideoId = videoId,
            Title = track.Name,
            Artists = [artist],
            Album = album.Name,
            Duration = TimeSpan.FromMilliseconds(track.DurationMs),
            Isrc = track.Isrc,
        };
    }
}

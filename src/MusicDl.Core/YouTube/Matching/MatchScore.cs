namespace MusicDl.YouTube.Matching;

/// <summary>
/// How well a candidate fits a track (0..1) and the parts it was made of; <see cref="Rejection"/>
/// says why a candidate can never match (another version, another song), in which case the value is 0.
/// </summary>
public sealed record MatchScore(double Value, double Title, double Artist, double Duration, bool AlbumMatch, string? Rejection)
{
    public bool IsRejected => Rejection is not null;

    /// <summary>
    /// The candidate is the Spotify recording itself: the same title once credits are set aside, within 2 s of
    /// the length, and an artist or the album in common. Among these the album's audio is preferred.
    /// </summary>
    public bool SameRecording { get; init; }

    /// <summary>
    /// The artist part was credited by the album: an album song with the same album, title and length whose
    /// artist is written in another script or spelling than Spotify's.
    /// </summary>
    public bool ArtistByAlbum { get; init; }

    /// <summary>An audio track from the ISRC search of about the same length: certain.</summary>
    public bool IsrcHit { get; init; }

    /// <summary>An audio track whose explicit badge disagrees with Spotify's: the other edit.</summary>
    public bool ExplicitMismatch { get; init; }

    public static MatchScore Rejected(string reason, double title, double artist, double duration) =>
        new(0, title, artist, duration, false, reason);
}

namespace MusicDl.YouTube.Matching;

/// <summary>
/// How well a candidate fits a track (0..1) and the parts it was made of; <see cref="Rejection"/>
/// says why a candidate can never match (another version, another song), in which case the value is 0.
/// </summary>
public sealed record MatchScore(double Value, double Title, double Artist, double Duration, bool AlbumMatch, string? Rejection)
{
    public bool IsRejected => Rejection is not null;

    public static MatchScore Rejected(string reason, double title, double artist, double duration) =>
        new(0, title, artist, duration, false, reason);
}

namespace MusicDl.Models;

/// <summary>
/// One scored search result as the review file and <c>match --explain</c> show it: what it is, its score and
/// the parts the score was made of.
/// </summary>
public sealed record CandidateReport
{
    public required string VideoId { get; init; }

    public required string Title { get; init; }

    /// <summary>The artists YouTube Music lists, or the channel of a plain YouTube video.</summary>
    public IReadOnlyList<string> Artists { get; init; } = [];

    public string? Album { get; init; }

    public TimeSpan? Duration { get; init; }

    /// <summary>"song" (the album's audio), "video" (official) or "upload".</summary>
    public required string Kind { get; init; }

    public required string Provider { get; init; }

    public double Score { get; init; }

    /// <summary>Title similarity, 0..1.</summary>
    public double TitlePart { get; init; }

    /// <summary>Artist similarity, 0..1.</summary>
    public double ArtistPart { get; init; }

    /// <summary>Duration closeness, 0..1 (0.5 when unknown).</summary>
    public double DurationPart { get; init; }

    public bool AlbumMatch { get; init; }

    public bool ExplicitMismatch { get; init; }

    public bool IsrcHit { get; init; }

    /// <summary>The Spotify recording itself (same title, within 2 s, an artist or the album in common).</summary>
    public bool SameRecording { get; init; }

    /// <summary>The artist part was given by album, title and length (an artist written in another script).</summary>
    public bool ArtistByAlbum { get; init; }

    /// <summary>Why the candidate can never match, when it cannot.</summary>
    public string? Rejection { get; init; }

    public string WatchUrl => Models.VideoId.WatchUrlOf(VideoId)!;
}

namespace MusicDl.Models;

/// <summary>What happened to one track; one JSON line per track.</summary>
public sealed record TrackOutcome
{
    public string? SpotifyId { get; init; }

    public string? Isrc { get; init; }

    public string? Title { get; init; }

    public IReadOnlyList<string> Artists { get; init; } = [];

    public string? Album { get; init; }

    public IReadOnlyList<string> Sources { get; init; } = [];

    public TrackStatus Status { get; init; }

    public string? Path { get; init; }

    public IReadOnlyList<string>? Copies { get; init; }

    public string? VideoId { get; init; }

    public string? Provider { get; init; }

    public double? Score { get; init; }

    public string? Error { get; init; }

    /// <summary>The Spotify track's length (for the review file); 0 when unknown.</summary>
    public int DurationMs { get; init; }

    /// <summary>The scored candidates of a searched track, best first (at most five); empty when none were searched.</summary>
    public IReadOnlyList<CandidateReport> Candidates { get; init; } = [];

    public string? SpotifyUrl => SpotifyId is null ? null : $"https://open.spotify.com/track/{SpotifyId}";

    public static TrackOutcome For(Track track, IEnumerable<string> sources, TrackStatus status) => new()
    {
        SpotifyId = track.Id,
        Isrc = track.Isrc,
        Title = track.Title,
        Artists = track.Artists.Select(a => a.Name).ToArray(),
        Album = track.Album.Name,
        DurationMs = track.DurationMs,
        Sources = sources.ToArray(),
        Status = status,
    };
}

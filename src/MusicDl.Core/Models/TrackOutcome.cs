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

    public static TrackOutcome For(Track track, IEnumerable<string> sources, TrackStatus status) => new()
    {
        SpotifyId = track.Id,
        Isrc = track.Isrc,
        Title = track.Title,
        Artists = track.Artists.Select(a => a.Name).ToArray(),
        Album = track.Album.Name,
        Sources = sources.ToArray(),
        Status = status,
    };
}

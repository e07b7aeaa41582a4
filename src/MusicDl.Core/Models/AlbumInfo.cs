namespace MusicDl.Models;

/// <summary>The album a track belongs to, with everything the tags need.</summary>
public sealed record AlbumInfo
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public IReadOnlyList<ArtistRef> Artists { get; init; } = [];

    /// <summary>album, single or compilation.</summary>
    public string? AlbumType { get; init; }

    /// <summary>As Spotify gives it: "1987", "1987-11" or "1987-11-12".</summary>
    public string? ReleaseDate { get; init; }

    public ReleaseDatePrecision ReleaseDatePrecision { get; init; } = ReleaseDatePrecision.Day;

    public int? TotalTracks { get; init; }

    /// <summary>Highest disc number on the album, when known.</summary>
    public int? DiscCount { get; init; }

    /// <summary>How many tracks each disc has (disc 1 first), when the album's track list was read; else empty.</summary>
    public IReadOnlyList<int> DiscTrackCounts { get; init; } = [];

    /// <summary>The tracks of <paramref name="disc"/> (Picard's per-disc total), else the album's total.</summary>
    public int? TracksOnDisc(int disc) =>
        disc >= 1 && disc <= DiscTrackCounts.Count && DiscTrackCounts[disc - 1] > 0 ? DiscTrackCounts[disc - 1] : TotalTracks;

    public IReadOnlyList<ImageRef> Images { get; init; } = [];

    public IReadOnlyList<string> Genres { get; init; } = [];

    /// <summary>The label, else the publisher taken from the P copyright line.</summary>
    public string? Label { get; init; }

    public string? Copyright { get; init; }

    public string? Upc { get; init; }

    /// <summary>The four-digit year of <see cref="ReleaseDate"/>, if any.</summary>
    public int? Year => ReleaseDate is { Length: >= 4 } d && int.TryParse(d.AsSpan(0, 4), out var y) ? y : null;
}

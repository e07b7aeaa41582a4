namespace MusicDl.Models;

/// <summary>A Spotify track with everything the pipeline and the tags need.</summary>
public sealed record Track
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required IReadOnlyList<ArtistRef> Artists { get; init; }

    public required AlbumInfo Album { get; init; }

    public int TrackNumber { get; init; }

    public int DiscNumber { get; init; } = 1;

    public int DurationMs { get; init; }

    public bool Explicit { get; init; }

    public string? Isrc { get; init; }

    /// <summary>Genres of the album, else of the first artist.</summary>
    public IReadOnlyList<string> Genres { get; init; } = [];

    /// <summary>
    /// Read from Spotify's public page, not the Web API: no ISRC, and for a playlist entry no album or numbers. A
    /// later run with the Web API completes it (docs/spotify.md).
    /// </summary>
    public bool FromPublicPage { get; init; }

    public string SpotifyUrl => $"https://open.spotify.com/track/{Id}";

    public string FirstArtist => Artists.Count > 0 ? Artists[0].Name : string.Empty;

    public string ArtistsJoined => string.Join(", ", Artists.Select(a => a.Name));

    public TimeSpan Duration => TimeSpan.FromMilliseconds(DurationMs);
}

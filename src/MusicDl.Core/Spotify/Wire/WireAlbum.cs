namespace MusicDl.Spotify.Wire;

/// <summary>A full album (with its first track page) or a simplified one (as inside a track).</summary>
internal sealed record WireAlbum
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? AlbumType { get; init; }

    /// <summary>Set on an artist's album list: album, single, compilation or appears_on.</summary>
    public string? AlbumGroup { get; init; }

    public int? TotalTracks { get; init; }

    public string? ReleaseDate { get; init; }

    public string? ReleaseDatePrecision { get; init; }

    public IReadOnlyList<WireArtist>? Artists { get; init; }

    public IReadOnlyList<WireImage>? Images { get; init; }

    public IReadOnlyList<WireCopyright>? Copyrights { get; init; }

    public WireExternalIds? ExternalIds { get; init; }

    public IReadOnlyList<string>? Genres { get; init; }

    /// <summary>Removed for Development Mode apps in February 2026.</summary>
    public string? Label { get; init; }

    public WirePaging<WireTrack>? Tracks { get; init; }
}

namespace MusicDl.Fakes.Spotify;

/// <summary>An album the fake Spotify serves, with its tracks in order.</summary>
public sealed record FakeAlbum
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required IReadOnlyList<string> ArtistIds { get; init; }

    /// <summary>album, single or compilation.</summary>
    public string AlbumType { get; init; } = "album";

    public string ReleaseDate { get; init; } = "2020-01-01";

    /// <summary>year, month or day.</summary>
    public string ReleaseDatePrecision { get; init; } = "day";

    /// <summary>Null: left out, as for Development Mode apps since February 2026.</summary>
    public string? Label { get; init; }

    public string? CopyrightC { get; init; }

    public string? CopyrightP { get; init; }

    public string? Upc { get; init; }

    public IReadOnlyList<FakeTrack> Tracks { get; init; } = [];
}

namespace MusicDl.Fakes.Spotify;

/// <summary>A track the fake Spotify serves; its album is the <see cref="FakeAlbum"/> that lists it.</summary>
public sealed record FakeTrack
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required IReadOnlyList<string> ArtistIds { get; init; }

    public int TrackNumber { get; init; } = 1;

    public int DiscNumber { get; init; } = 1;

    public int DurationMs { get; init; } = 200_000;

    public bool Explicit { get; init; }

    public string? Isrc { get; init; }

    /// <summary>False: answered with is_playable=false whenever a market is given.</summary>
    public bool Playable { get; init; } = true;
}

namespace MusicDl.Spotify.Wire;

/// <summary>A simplified or full artist; <see cref="Genres"/> only on the full object.</summary>
internal sealed record WireArtist(string? Id, string? Name, IReadOnlyList<string>? Genres);

namespace MusicDl.Spotify.Wire;

internal sealed record WireExternalIds(string? Isrc, string? Upc);

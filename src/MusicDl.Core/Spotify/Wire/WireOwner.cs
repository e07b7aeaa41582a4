namespace MusicDl.Spotify.Wire;

internal sealed record WireOwner(string? Id, string? DisplayName);

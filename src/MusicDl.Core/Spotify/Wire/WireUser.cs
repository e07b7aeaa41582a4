namespace MusicDl.Spotify.Wire;

internal sealed record WireUser(string? Id, string? DisplayName);

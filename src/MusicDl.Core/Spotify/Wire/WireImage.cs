namespace MusicDl.Spotify.Wire;

internal sealed record WireImage(string? Url, int? Width, int? Height);

namespace MusicDl.Spotify;

/// <summary>An artist's name and genres (genres feed the tags; albums carry none).</summary>
public sealed record SpotifyArtist(string Id, string Name, IReadOnlyList<string> Genres);

namespace MusicDl.Spotify;

/// <summary>
/// An artist's name and genres (genres feed the tags; albums carry none). <paramref name="GenresWithheld"/>: the answer
/// had no <c>genres</c> field at all, as Development Mode apps get since March 2026 (an empty list is an artist
/// without genres).
/// </summary>
public sealed record SpotifyArtist(string Id, string Name, IReadOnlyList<string> Genres, bool GenresWithheld = false);

namespace MusicDl.Lyrics;

/// <summary>What LRCLIB is asked about a track: the Spotify title as given, its first artist, album and length.</summary>
public sealed record LyricsQuery(string Title, string Artist, string? Album, TimeSpan Duration);

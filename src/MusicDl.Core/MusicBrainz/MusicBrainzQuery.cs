namespace MusicDl.MusicBrainz;

/// <summary>A track to identify: its ISRC, its length (the recording must be within 3 s) and the Spotify album's title.</summary>
public sealed record MusicBrainzQuery(string Isrc, TimeSpan Duration, string? Album, bool WithGenres = false);

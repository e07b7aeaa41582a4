namespace MusicDl.Spotify.Wire;

/// <summary>An entry of /me/tracks.</summary>
internal sealed record WireSavedTrack(DateTimeOffset? AddedAt, WireTrack? Track);

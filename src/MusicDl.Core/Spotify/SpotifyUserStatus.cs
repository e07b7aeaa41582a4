namespace MusicDl.Spotify;

/// <summary>Who is logged in (for <c>auth status</c>): from GET /me and the granted scopes.</summary>
public sealed record SpotifyUserStatus(string Id, string? DisplayName, IReadOnlyList<string> Scopes);

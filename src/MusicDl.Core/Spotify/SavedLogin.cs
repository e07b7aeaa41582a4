namespace MusicDl.Spotify;

/// <summary>What the login file holds for one client id: the refresh token and the last access token.</summary>
internal sealed record SavedLogin
{
    public required string ClientId { get; init; }

    public required string RefreshToken { get; init; }

    public string? Scope { get; init; }

    public string? AccessToken { get; init; }

    public DateTimeOffset? AccessTokenExpiresAt { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public SpotifyAccessToken? Access =>
        AccessToken is { Length: > 0 } value && AccessTokenExpiresAt is { } expires ? new SpotifyAccessToken(value, expires, Scope) : null;

    // The generated ToString would print the tokens.
    public override string ToString() => $"SavedLogin({ClientId}, scope={Scope})";
}

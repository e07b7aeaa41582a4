namespace MusicDl.Spotify.Wire;

/// <summary>The accounts service's token answer.</summary>
internal sealed record WireToken(string? AccessToken, string? TokenType, int ExpiresIn, string? RefreshToken, string? Scope)
{
    // The generated ToString would print the tokens.
    public override string ToString() => $"WireToken(expires_in={ExpiresIn}, scope={Scope})";
}

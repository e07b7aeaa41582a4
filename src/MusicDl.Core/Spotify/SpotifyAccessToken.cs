namespace MusicDl.Spotify;

/// <summary>An access token and when it expires; persisted in the <c>tokens</c> cache region.</summary>
internal sealed record SpotifyAccessToken(string Value, DateTimeOffset ExpiresAt, string? Scope)
{
    /// <summary>Tokens are renewed this long before they expire, so none runs out mid-request.</summary>
    public static readonly TimeSpan RenewMargin = TimeSpan.FromSeconds(60);

    public bool IsUsableAt(DateTimeOffset now) => ExpiresAt - RenewMargin > now;

    // The generated ToString would print the token.
    public override string ToString() => $"SpotifyAccessToken(expires {ExpiresAt:O})";
}

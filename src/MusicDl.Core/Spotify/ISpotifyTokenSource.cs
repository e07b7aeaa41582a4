namespace MusicDl.Spotify;

/// <summary>Gives the bearer token for API calls: client credentials, or the logged-in user's.</summary>
internal interface ISpotifyTokenSource
{
    /// <summary>True when the token belongs to a logged-in user (market=from_token is then possible).</summary>
    bool IsUser { get; }

    ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken);

    /// <summary>Forgets <paramref name="token"/> after the API rejected it (401), so the next call asks anew.</summary>
    ValueTask InvalidateAsync(string token, CancellationToken cancellationToken);
}

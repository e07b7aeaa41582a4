using MusicDl.Http;

namespace MusicDl.Spotify;

/// <summary>
/// The logged-in user's tokens: the saved access token while it lasts, else a silent refresh under the login
/// file's lock (keeping a rotated refresh token).
/// </summary>
internal sealed class UserTokenSource(SpotifyAccounts accounts, SpotifyLoginStore store) : ISpotifyTokenSource, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SpotifyAccessToken? _current;

    public bool IsUser => true;

    public async ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _current) is { } held && held.IsUsableAt(accounts.Time.GetUtcNow()))
        {
            return held.Value;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is { } again && again.IsUsableAt(accounts.Time.GetUtcNow()))
            {
                return again.Value;
            }

            var saved = await store.LoadAsync(cancellationToken).ConfigureAwait(false) ?? throw NotLoggedIn();
            if (saved.Access is { } access && access.IsUsableAt(accounts.Time.GetUtcNow()))
            {
                Volatile.Write(ref _current, access);
                return access.Value;
            }

            var refreshed = await RefreshAsync(rejected: null, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _current, refreshed);
            return refreshed.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask InvalidateAsync(string token, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current?.Value == token)
            {
                _current = null;
            }

            var refreshed = await RefreshAsync(rejected: token, cancellationToken).ConfigureAwait(false);
            _current = refreshed;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Refreshes unless, inside the lock, the file already holds a usable token other than <paramref name="rejected"/>.</summary>
    private async Task<SpotifyAccessToken> RefreshAsync(string? rejected, CancellationToken cancellationToken)
    {
        var result = await store.UpdateUnderLockAsync(
            async current =>
            {
                if (current is null)
                {
                    throw NotLoggedIn();
                }

                // Another run may have refreshed while we waited for the lock: its token is good, and the
                // refresh token we read before is already rotated away.
                if (current.Access is { } access && access.Value != rejected && access.IsUsableAt(accounts.Time.GetUtcNow()))
                {
                    return null;
                }

                var (token, rotated) = await accounts.RefreshAsync(current.ClientId, current.RefreshToken, cancellationToken).ConfigureAwait(false);
                return current with
                {
                    RefreshToken = rotated ?? current.RefreshToken,
                    Scope = token.Scope ?? current.Scope,
                    AccessToken = token.Value,
                    AccessTokenExpiresAt = token.ExpiresAt,
                };
            },
            cancellationToken).ConfigureAwait(false);

        return result?.Access ?? throw NotLoggedIn();
    }

    private ServiceException NotLoggedIn() =>
        SpotifyFailure.Unauthorized($"Not logged in to Spotify for client id {store.ClientId}; run `musicdl auth login`.");

    public void Dispose() => _gate.Dispose();
}

using MusicDl.Caching;

namespace MusicDl.Spotify;

/// <summary>
/// Client-credentials tokens, reused until shortly before expiry and kept in the persistent <c>tokens</c>
/// region under a key scoped to the client id, so cron runs within the hour ask the accounts service nothing.
/// </summary>
internal sealed class ClientCredentialsTokenSource(
    SpotifyAccounts accounts, string clientId, string clientSecret, ICacheRegion<SpotifyAccessToken>? tokens) : ISpotifyTokenSource, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SpotifyAccessToken? _current;

    public bool IsUser => false;

    public string CacheKey => SpotifyCacheKeys.ClientCredentialsToken(clientId);

    public async ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        var now = accounts.Time.GetUtcNow();
        if (Volatile.Read(ref _current) is { } held && held.IsUsableAt(now))
        {
            return held.Value;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            now = accounts.Time.GetUtcNow();
            if (_current is { } again && again.IsUsableAt(now))
            {
                return again.Value;
            }

            if (tokens is not null)
            {
                var stored = await tokens.GetAsync(CacheKey, cancellationToken).ConfigureAwait(false);
                if (stored is { IsHit: true, Value: { } cached } && cached.IsUsableAt(now))
                {
                    Volatile.Write(ref _current, cached);
                    return cached.Value;
                }
            }

            var fresh = await accounts.RequestClientCredentialsAsync(clientId, clientSecret, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _current, fresh);
            if (tokens is not null)
            {
                var ttl = fresh.ExpiresAt - SpotifyAccessToken.RenewMargin - accounts.Time.GetUtcNow();
                if (ttl > TimeSpan.Zero)
                {
                    await tokens.SetAsync(CacheKey, fresh, ttl, cancellationToken).ConfigureAwait(false);
                }
            }

            return fresh.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask InvalidateAsync(string token, CancellationToken cancellationToken)
    {
        var held = Volatile.Read(ref _current);
        if (held is null || held.Value != token || Interlocked.CompareExchange(ref _current, null, held) != held)
        {
            return;
        }

        if (tokens is not null)
        {
            await tokens.RemoveAsync(CacheKey, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _gate.Dispose();
}

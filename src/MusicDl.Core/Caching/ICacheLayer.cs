namespace MusicDl.Caching;

/// <summary>
/// A layer beneath memory (SQLite, Redis). A layer never throws for its own failures: it warns once,
/// turns itself off and answers as if empty. Only the caller's cancellation escapes.
/// </summary>
internal interface ICacheLayer : IAsyncDisposable
{
    CacheLayerKind Kind { get; }

    ValueTask<StoredEntry?> GetAsync(string region, string key, CancellationToken cancellationToken);

    ValueTask SetAsync(string region, string key, StoredEntry entry, CancellationToken cancellationToken);

    ValueTask RemoveAsync(string region, string key, CancellationToken cancellationToken);
}

using StackExchange.Redis;

namespace MusicDl.Caching;

/// <summary>
/// The shared layer: Redis keys <c>musicdl:v1:&lt;region&gt;:&lt;key&gt;</c> holding "v" + JSON or "n" (negative),
/// with the entry's expiry set in Redis. Connects lazily with short timeouts; an unreachable server or a
/// failure mid-run gives one warning and turns the layer off for the rest of the run.
/// Warnings name the endpoints only, never the connection string (it may hold a password).
/// </summary>
internal sealed class RedisCacheLayer : ICacheLayer
{
    internal const string KeyPrefix = "musicdl:v1:";
    private const int TimeoutMilliseconds = 1500;

    private readonly ConfigurationOptions _options;
    private readonly TimeProvider _time;
    private readonly CacheWarnings _warnings;
    private readonly SemaphoreSlim _connectGate = new(1, 1);
    private readonly string _endpoints;
    private ConnectionMultiplexer? _connection;
    private int _disabled;

    public RedisCacheLayer(string configuration, TimeProvider time, CacheWarnings warnings)
    {
        ArgumentException.ThrowIfNullOrEmpty(configuration);
        _time = time;
        _warnings = warnings;
        try
        {
            _options = ConfigurationOptions.Parse(configuration);
        }
        catch (ArgumentException)
        {
            // The message would echo the string, password included.
            throw new ArgumentException("cache_redis is not a valid Redis configuration (expected host:port[,option=value...]).", nameof(configuration));
        }

        _options.ConnectTimeout = TimeoutMilliseconds;
        _options.SyncTimeout = TimeoutMilliseconds;
        _options.AsyncTimeout = TimeoutMilliseconds;
        _options.ConnectRetry = 1;
        _options.AbortOnConnectFail = true;
        _endpoints = string.Join(",", _options.EndPoints.Select(e => e.ToString()));
    }

    public CacheLayerKind Kind => CacheLayerKind.Shared;

    public bool IsAvailable => Volatile.Read(ref _disabled) == 0;

    internal static string KeyFor(string region, string key) => $"{KeyPrefix}{region}:{key}";

    public async ValueTask<StoredEntry?> GetAsync(string region, string key, CancellationToken cancellationToken)
    {
        var database = await DatabaseAsync(cancellationToken);
        if (database is null)
        {
            return null;
        }

        try
        {
            var found = await database.StringGetWithExpiryAsync(KeyFor(region, key)).WaitAsync(cancellationToken);
            if (found.Value.IsNullOrEmpty)
            {
                return null;
            }

            var payload = (string)found.Value!;
            var expiresAt = _time.GetUtcNow() + (found.Expiry ?? TimeSpan.FromDays(1));
            return payload[0] switch
            {
                'n' => new StoredEntry(null, true, expiresAt),
                'v' => new StoredEntry(payload[1..], false, expiresAt),
                _ => null,
            };
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            Disable(ex);
            return null;
        }
    }

    public async ValueTask SetAsync(string region, string key, StoredEntry entry, CancellationToken cancellationToken)
    {
        var ttl = entry.ExpiresAt - _time.GetUtcNow();
        if (ttl <= TimeSpan.Zero)
        {
            return;
        }

        var database = await DatabaseAsync(cancellationToken);
        if (database is null)
        {
            return;
        }

        try
        {
            var payload = entry.Negative ? "n" : "v" + entry.Json;
            await database.StringSetAsync(KeyFor(region, key), payload, ttl).WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            Disable(ex);
        }
    }

    public async ValueTask RemoveAsync(string region, string key, CancellationToken cancellationToken)
    {
        var database = await DatabaseAsync(cancellationToken);
        if (database is null)
        {
            return;
        }

        try
        {
            await database.KeyDeleteAsync(KeyFor(region, key)).WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            Disable(ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Volatile.Write(ref _disabled, 1);
        if (_connection is not null)
        {
            await _connection.CloseAsync();
            await _connection.DisposeAsync();
        }

        _connectGate.Dispose();
    }

    private async ValueTask<IDatabase?> DatabaseAsync(CancellationToken cancellationToken)
    {
        if (!IsAvailable)
        {
            return null;
        }

        if (_connection is { } ready)
        {
            return ready.GetDatabase();
        }

        await _connectGate.WaitAsync(cancellationToken);
        try
        {
            if (!IsAvailable)
            {
                return null;
            }

            _connection ??= await ConnectionMultiplexer.ConnectAsync(_options);
            return _connection.GetDatabase();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            Disable(ex);
            return null;
        }
        finally
        {
            _connectGate.Release();
        }
    }

    private void Disable(Exception ex)
    {
        if (Interlocked.Exchange(ref _disabled, 1) != 0)
        {
            return;
        }

        _warnings.Add($"The shared cache (Redis at {_endpoints}) is unreachable ({ex.GetType().Name}); going on with the local cache.");
    }
}

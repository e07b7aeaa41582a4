using Microsoft.Data.Sqlite;

namespace MusicDl.Caching;

/// <summary>
/// The persistent layer: one SQLite file (WAL, synchronous=NORMAL, a busy timeout), one table keyed by
/// (region, key). One connection per instance, used by one caller at a time behind an async gate; nothing is
/// process-global, so two instances or two processes may share a file. A corrupt, foreign or newer file is moved
/// aside once and replaced; any other failure turns the layer off with one warning. Busy errors are retried after
/// an awaited back-off on the store's clock, never surfaced. The same pattern as the library state: a
/// <see cref="SemaphoreSlim"/> per connection, SQLite's busy timeout, no thread blocked waiting for a turn.
/// </summary>
internal sealed class SqliteCacheStore : ICacheLayer
{
    private const int BusyTimeoutMilliseconds = 5000;
    private const int BusyRetries = 6;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _time;
    private readonly CacheWarnings _warnings;
    private SqliteConnection? _connection;
    private SqliteCacheStatements? _statements;
    private bool _disabled;
    private bool _recovered;
    private bool _warnedBusy;

    public SqliteCacheStore(string path, TimeProvider time, CacheWarnings warnings)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        FilePath = Path.GetFullPath(path);
        _time = time;
        _warnings = warnings;
    }

    public string FilePath { get; }

    public CacheLayerKind Kind => CacheLayerKind.Persistent;

    public async ValueTask<StoredEntry?> GetAsync(string region, string key, CancellationToken cancellationToken) =>
        await RunAsync<StoredEntry?>(null, () => _statements!.Get(region, key, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);

    public async ValueTask SetAsync(string region, string key, StoredEntry entry, CancellationToken cancellationToken) =>
        await RunAsync(0, () => _statements!.Put(region, key, entry, _time.GetUtcNow()), cancellationToken).ConfigureAwait(false);

    public async ValueTask RemoveAsync(string region, string key, CancellationToken cancellationToken) =>
        await RunAsync(0, () => _statements!.Remove(region, key), cancellationToken).ConfigureAwait(false);

    /// <summary>Entries per region with their oldest and newest write, or null when the layer is off.</summary>
    internal Task<IReadOnlyList<RegionFileStatistics>?> ReadStatisticsAsync(CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<RegionFileStatistics>?>(null, () =>
        {
            using var command = _connection!.CreateCommand();
            command.CommandText = """
                SELECT region, COUNT(*), SUM(expires_at <= $now), MIN(updated_at), MAX(updated_at)
                FROM entries GROUP BY region ORDER BY region
                """;
            command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
            using var reader = command.ExecuteReader();
            var rows = new List<RegionFileStatistics>();
            while (reader.Read())
            {
                rows.Add(new RegionFileStatistics(
                    reader.GetString(0),
                    reader.GetInt64(1),
                    reader.GetInt64(2),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
            }

            return rows;
        }, cancellationToken);

    /// <summary>Deletes every entry, or those of one region; returns how many, or -1 when the layer is off.</summary>
    internal Task<long> ClearAsync(string? region, CancellationToken cancellationToken) => RunAsync(-1L, () =>
    {
        using var command = _connection!.CreateCommand();
        command.CommandText = region is null ? "DELETE FROM entries" : "DELETE FROM entries WHERE region = $region";
        if (region is not null)
        {
            command.Parameters.AddWithValue("$region", region);
        }

        return (long)command.ExecuteNonQuery();
    }, cancellationToken);

    /// <summary>Deletes expired entries and compacts the file; returns how many, or -1 when the layer is off.</summary>
    internal Task<long> PruneAsync(CancellationToken cancellationToken) => RunAsync(-1L, () =>
    {
        long removed;
        using (var command = _connection!.CreateCommand())
        {
            command.CommandText = "DELETE FROM entries WHERE expires_at <= $now";
            command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
            removed = command.ExecuteNonQuery();
        }

        SqliteCacheSchema.Execute(_connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        SqliteCacheSchema.Execute(_connection, "VACUUM;");
        return removed;
    }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_connection is not null && !_disabled)
            {
                try
                {
                    // Folds the WAL back into the file so a copy of cache.db alone is complete.
                    SqliteCacheSchema.Execute(_connection, "PRAGMA wal_checkpoint(PASSIVE);");
                }
                catch (SqliteException)
                {
                    // Another process holds the WAL: it will checkpoint.
                }
            }

            Close();
            _disabled = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<T> RunAsync<T>(T fallback, Func<T> operation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                if (_disabled || (_connection is null && !TryOpen()))
                {
                    return fallback;
                }

                try
                {
                    return operation();
                }
                catch (SqliteException ex) when (SqliteCacheSchema.IsBusy(ex))
                {
                    if (attempt >= BusyRetries)
                    {
                        // Only this operation goes uncached; the next one tries again.
                        WarnBusyOnce();
                        return fallback;
                    }
                }
                catch (SqliteException ex) when (SqliteCacheSchema.IsCorrupt(ex) && !_recovered)
                {
                    Close();
                    if (!TryMoveAside("is damaged"))
                    {
                        return fallback;
                    }

                    continue;
                }
                catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
                {
                    Disable(ex);
                    return fallback;
                }

                // The busy timeout already waited; another process holds a long write. Back off without a thread.
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), _time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private bool TryOpen()
    {
        // Another process opening the same new file at the same moment can answer busy at once (switching it to WAL
        // needs the file alone for a moment) rather than after the busy timeout: such an open is tried again, up to
        // that timeout.
        const int pauseMilliseconds = 25;
        for (var waited = 0; ; waited += pauseMilliseconds)
        {
            try
            {
                Open();
                return true;
            }
            catch (SqliteException ex) when (SqliteCacheSchema.IsBusy(ex) && waited < BusyTimeoutMilliseconds)
            {
                Thread.Sleep(pauseMilliseconds);
            }
            catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                Disable(ex);
                return false;
            }
        }
    }

    private void Open()
    {
        while (true)
        {
            SqliteCacheSchema.CreateFileIfMissing(FilePath);
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = FilePath,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false,
                DefaultTimeout = BusyTimeoutMilliseconds / 1000,
            }.ToString());
            string? problem;
            try
            {
                connection.Open();
                SqliteCacheSchema.Execute(connection, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};");
                problem = SqliteCacheSchema.Inspect(connection, FilePath, out var version);
                if (problem is null)
                {
                    SqliteCacheSchema.Execute(connection, "PRAGMA journal_mode = WAL;");
                    SqliteCacheSchema.Execute(connection, "PRAGMA synchronous = NORMAL;");
                    if (version < SqliteCacheSchema.SchemaVersion)
                    {
                        SqliteCacheSchema.CreateSchema(connection);
                    }
                }
            }
            catch
            {
                // TryOpen may try again (busy): no connection is left open behind it.
                connection.Dispose();
                throw;
            }

            if (problem is not null)
            {
                connection.Dispose();
                if (_recovered)
                {
                    throw new InvalidOperationException($"the fresh cache file {problem}");
                }

                MoveAside(problem);
                continue;
            }

            _connection = connection;
            _statements = new SqliteCacheStatements(connection);
            return;
        }
    }

    private bool TryMoveAside(string problem)
    {
        try
        {
            MoveAside(problem);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Disable(ex);
            return false;
        }
    }

    private void WarnBusyOnce()
    {
        if (!_warnedBusy)
        {
            _warnedBusy = true;
            _warnings.Add($"The cache file {FilePath} is kept busy by another musicdl process; some answers were not cached.");
        }
    }

    private void MoveAside(string problem)
    {
        _recovered = true;
        var target = $"{FilePath}.corrupt-{_time.GetUtcNow():yyyyMMddTHHmmssfffZ}";
        File.Move(FilePath, target);
        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            if (File.Exists(FilePath + suffix))
            {
                File.Move(FilePath + suffix, target + suffix);
            }
        }

        _warnings.Add($"The cache file {FilePath} {problem}: moved aside as {Path.GetFileName(target)}; starting a fresh one.");
    }

    private void Disable(Exception ex)
    {
        _disabled = true;
        Close();
        _warnings.Add($"The cache file {FilePath} cannot be used ({ex.Message}); going on without the persistent cache.");
    }

    private void Close()
    {
        _statements?.Dispose();
        _statements = null;
        _connection?.Dispose();
        _connection = null;
    }
}

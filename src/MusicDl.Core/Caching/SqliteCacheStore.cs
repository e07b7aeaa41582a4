using Microsoft.Data.Sqlite;

namespace MusicDl.Caching;

/// <summary>
/// The persistent layer: one SQLite file (WAL, synchronous=NORMAL, a busy timeout), one table keyed by
/// (region, key). One connection per instance, used under a lock; nothing is process-global, so two
/// instances or two processes may share a file. A corrupt, foreign or newer file is moved aside once and
/// replaced; any other failure turns the layer off with one warning. Busy errors are retried, never surfaced.
/// </summary>
internal sealed class SqliteCacheStore : ICacheLayer
{
    internal const int SchemaVersion = 1;

    /// <summary>"MDLC" in the header: tells our file from another program's SQLite database.</summary>
    internal const int ApplicationId = 0x4D444C43;

    private const int BusyTimeoutMilliseconds = 5000;
    private const int BusyRetries = 6;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly CacheWarnings _warnings;
    private SqliteConnection? _connection;
    private SqliteCommand? _get;
    private SqliteCommand? _put;
    private SqliteCommand? _remove;
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

    /// <summary>False once the layer has turned itself off.</summary>
    public bool IsAvailable
    {
        get
        {
            lock (_gate)
            {
                return !_disabled;
            }
        }
    }

    public ValueTask<StoredEntry?> GetAsync(string region, string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new(Run<StoredEntry?>(null, () =>
        {
            var get = _get!;
            get.Parameters["$region"].Value = region;
            get.Parameters["$key"].Value = key;
            get.Parameters["$now"].Value = _time.GetUtcNow().ToUnixTimeMilliseconds();
            using var reader = get.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            var json = reader.IsDBNull(0) ? null : reader.GetString(0);
            return new StoredEntry(json, reader.GetInt64(1) != 0, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)));
        }));
    }

    public ValueTask SetAsync(string region, string key, StoredEntry entry, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Run(0, () =>
        {
            var put = _put!;
            put.Parameters["$region"].Value = region;
            put.Parameters["$key"].Value = key;
            put.Parameters["$value"].Value = (object?)entry.Json ?? DBNull.Value;
            put.Parameters["$negative"].Value = entry.Negative ? 1 : 0;
            put.Parameters["$expires"].Value = entry.ExpiresAt.ToUnixTimeMilliseconds();
            put.Parameters["$updated"].Value = _time.GetUtcNow().ToUnixTimeMilliseconds();
            return put.ExecuteNonQuery();
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(string region, string key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Run(0, () =>
        {
            var remove = _remove!;
            remove.Parameters["$region"].Value = region;
            remove.Parameters["$key"].Value = key;
            return remove.ExecuteNonQuery();
        });
        return ValueTask.CompletedTask;
    }

    /// <summary>Entries per region with their oldest and newest write, or null when the layer is off.</summary>
    internal IReadOnlyList<RegionFileStatistics>? ReadStatistics() => Run<IReadOnlyList<RegionFileStatistics>?>(null, () =>
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
    });

    /// <summary>Deletes every entry, or those of one region; returns how many, or -1 when the layer is off.</summary>
    internal long Clear(string? region) => Run(-1L, () =>
    {
        using var command = _connection!.CreateCommand();
        command.CommandText = region is null ? "DELETE FROM entries" : "DELETE FROM entries WHERE region = $region";
        if (region is not null)
        {
            command.Parameters.AddWithValue("$region", region);
        }

        return (long)command.ExecuteNonQuery();
    });

    /// <summary>Deletes expired entries and compacts the file; returns how many, or -1 when the layer is off.</summary>
    internal long Prune() => Run(-1L, () =>
    {
        long removed;
        using (var command = _connection!.CreateCommand())
        {
            command.CommandText = "DELETE FROM entries WHERE expires_at <= $now";
            command.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeMilliseconds());
            removed = command.ExecuteNonQuery();
        }

        Execute(_connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        Execute(_connection, "VACUUM;");
        return removed;
    });

    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_connection is not null && !_disabled)
            {
                try
                {
                    // Folds the WAL back into the file so a copy of cache.db alone is complete.
                    Execute(_connection, "PRAGMA wal_checkpoint(PASSIVE);");
                }
                catch (SqliteException)
                {
                    // Another process holds the WAL: it will checkpoint.
                }
            }

            Close();
            _disabled = true;
        }

        return ValueTask.CompletedTask;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static bool IsBusy(SqliteException ex) => ex.SqliteErrorCode is SqliteBusy or SqliteLocked;

    private static bool IsCorrupt(SqliteException ex) => ex.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase;

    private T Run<T>(T fallback, Func<T> operation)
    {
        lock (_gate)
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
                catch (SqliteException ex) when (IsBusy(ex))
                {
                    if (attempt >= BusyRetries)
                    {
                        // Only this operation goes uncached; the next one tries again.
                        WarnBusyOnce();
                        return fallback;
                    }

                    // The busy timeout already waited; another process holds a long write. Back off and retry.
                    Thread.Sleep(50 * attempt);
                }
                catch (SqliteException ex) when (IsCorrupt(ex) && !_recovered)
                {
                    Close();
                    if (!TryMoveAside("is damaged"))
                    {
                        return fallback;
                    }
                }
                catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
                {
                    Disable(ex);
                    return fallback;
                }
            }
        }
    }

    private bool TryOpen()
    {
        try
        {
            Open();
            return true;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            Disable(ex);
            return false;
        }
    }

    private void Open()
    {
        while (true)
        {
            CreateFileIfMissing();
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = FilePath,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false,
                DefaultTimeout = BusyTimeoutMilliseconds / 1000,
            }.ToString());
            connection.Open();
            Execute(connection, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};");
            var problem = Inspect(connection, out var version);
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

            Execute(connection, "PRAGMA journal_mode = WAL;");
            Execute(connection, "PRAGMA synchronous = NORMAL;");
            if (version < SchemaVersion)
            {
                CreateSchema(connection);
            }

            _connection = connection;
            Prepare(connection);
            return;
        }
    }

    /// <summary>Null when the file is ours (or empty), else why it must be moved aside.</summary>
    private static string? Inspect(SqliteConnection connection, out long version)
    {
        version = 0;
        try
        {
            var applicationId = Convert.ToInt64(Scalar(connection, "PRAGMA application_id;"), System.Globalization.CultureInfo.InvariantCulture);
            version = Convert.ToInt64(Scalar(connection, "PRAGMA user_version;"), System.Globalization.CultureInfo.InvariantCulture);
            if (applicationId == 0 && version == 0)
            {
                var objects = Convert.ToInt64(Scalar(connection, "SELECT COUNT(*) FROM sqlite_master;"), System.Globalization.CultureInfo.InvariantCulture);
                return objects == 0 ? null : "belongs to another program";
            }

            if (applicationId != ApplicationId)
            {
                return "belongs to another program";
            }

            if (version > SchemaVersion)
            {
                return $"has a newer schema (version {version}, this musicdl knows {SchemaVersion})";
            }

            return Scalar(connection, "PRAGMA quick_check;") as string == "ok" ? null : "is damaged";
        }
        catch (SqliteException ex) when (IsCorrupt(ex))
        {
            return "is damaged";
        }
    }

    private static void CreateSchema(SqliteConnection connection)
    {
        // IMMEDIATE: two processes creating the file at once take turns instead of failing.
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            CREATE TABLE IF NOT EXISTS entries (
                region TEXT NOT NULL,
                key TEXT NOT NULL,
                value TEXT,
                negative INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL,
                PRIMARY KEY (region, key));
            CREATE INDEX IF NOT EXISTS entries_expires_at ON entries (expires_at);
            PRAGMA application_id = {ApplicationId};
            PRAGMA user_version = {SchemaVersion};
            """;
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    private void Prepare(SqliteConnection connection)
    {
        _get = connection.CreateCommand();
        _get.CommandText = "SELECT value, negative, expires_at FROM entries WHERE region = $region AND key = $key AND expires_at > $now";
        _get.Parameters.Add("$region", SqliteType.Text);
        _get.Parameters.Add("$key", SqliteType.Text);
        _get.Parameters.Add("$now", SqliteType.Integer);
        _get.Prepare();

        _put = connection.CreateCommand();
        _put.CommandText = """
            INSERT INTO entries (region, key, value, negative, expires_at, updated_at)
            VALUES ($region, $key, $value, $negative, $expires, $updated)
            ON CONFLICT (region, key) DO UPDATE SET
                value = excluded.value, negative = excluded.negative,
                expires_at = excluded.expires_at, updated_at = excluded.updated_at
            """;
        _put.Parameters.Add("$region", SqliteType.Text);
        _put.Parameters.Add("$key", SqliteType.Text);
        _put.Parameters.Add("$value", SqliteType.Text);
        _put.Parameters.Add("$negative", SqliteType.Integer);
        _put.Parameters.Add("$expires", SqliteType.Integer);
        _put.Parameters.Add("$updated", SqliteType.Integer);
        _put.Prepare();

        _remove = connection.CreateCommand();
        _remove.CommandText = "DELETE FROM entries WHERE region = $region AND key = $key";
        _remove.Parameters.Add("$region", SqliteType.Text);
        _remove.Parameters.Add("$key", SqliteType.Text);
        _remove.Prepare();
    }

    private void CreateFileIfMissing()
    {
        var folder = Path.GetDirectoryName(FilePath)!;
        if (!Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        if (File.Exists(FilePath))
        {
            return;
        }

        // Created by us before SQLite opens it, so it is never readable by others, not even for an instant.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var created = new FileStream(FilePath, options);
        }
        catch (IOException) when (File.Exists(FilePath))
        {
            // Another process created it first.
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
        _get?.Dispose();
        _put?.Dispose();
        _remove?.Dispose();
        _get = _put = _remove = null;
        _connection?.Dispose();
        _connection = null;
    }
}

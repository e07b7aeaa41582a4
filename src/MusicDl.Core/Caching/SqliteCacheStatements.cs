using Microsoft.Data.Sqlite;

namespace MusicDl.Caching;

/// <summary>The three statements a run uses on every lookup and write, prepared once per connection.</summary>
internal sealed class SqliteCacheStatements : IDisposable
{
    private readonly SqliteCommand _get;
    private readonly SqliteCommand _put;
    private readonly SqliteCommand _remove;

    public SqliteCacheStatements(SqliteConnection connection)
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

    /// <summary>The live entry, or null when there is none or it has expired by <paramref name="now"/>.</summary>
    public StoredEntry? Get(string region, string key, DateTimeOffset now)
    {
        _get.Parameters["$region"].Value = region;
        _get.Parameters["$key"].Value = key;
        _get.Parameters["$now"].Value = now.ToUnixTimeMilliseconds();
        using var reader = _get.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        // The text's own UTF-8 bytes (SQLite hands a TEXT value over as a blob unchanged): no string is made.
        var json = reader.IsDBNull(0) ? null : reader.GetFieldValue<byte[]>(0);
        return StoredEntry.FromUtf8(json, reader.GetInt64(1) != 0, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)));
    }

    public int Put(string region, string key, StoredEntry entry, DateTimeOffset now)
    {
        _put.Parameters["$region"].Value = region;
        _put.Parameters["$key"].Value = key;
        _put.Parameters["$value"].Value = (object?)entry.Json ?? DBNull.Value;
        _put.Parameters["$negative"].Value = entry.Negative ? 1 : 0;
        _put.Parameters["$expires"].Value = entry.ExpiresAt.ToUnixTimeMilliseconds();
        _put.Parameters["$updated"].Value = now.ToUnixTimeMilliseconds();
        return _put.ExecuteNonQuery();
    }

    public int Remove(string region, string key)
    {
        _remove.Parameters["$region"].Value = region;
        _remove.Parameters["$key"].Value = key;
        return _remove.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _get.Dispose();
        _put.Dispose();
        _remove.Dispose();
    }
}

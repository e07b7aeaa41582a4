using Microsoft.Data.Sqlite;

namespace MusicDl.Caching;

/// <summary>
/// Whether the cache file is whole when opened, at a cost that does not grow with the file. <c>PRAGMA quick_check</c>
/// reads every page: 40 ms for the cache of a 10,000-track library on every warm run (docs/performance.md, issue 22
/// §3). It is kept for a file whose last writer did not close it (its WAL still holds frames); a file closed cleanly is
/// checked for what befalls a closed file, being cut short (fewer bytes than its header's pages). Damage elsewhere is
/// met on use, and the cache moves its file aside then too. The library's state keeps the whole check (StateRecovery).
/// </summary>
internal static class SqliteFileCheck
{
    /// <summary>Null when <paramref name="path"/>, open on <paramref name="connection"/>, looks whole; else "is damaged".</summary>
    public static string? Problem(SqliteConnection connection, string path)
    {
        var wal = new FileInfo(path + "-wal");
        if (wal.Exists && wal.Length > 0)
        {
            return Scalar(connection, "PRAGMA quick_check;") as string == "ok" ? null : "is damaged";
        }

        try
        {
            // SQLite itself refuses a file shorter than its header's page count (malformed); the comparison is for a
            // header that gives no count.
            var pages = Convert.ToInt64(Scalar(connection, "PRAGMA page_count;"), System.Globalization.CultureInfo.InvariantCulture);
            var pageSize = Convert.ToInt64(Scalar(connection, "PRAGMA page_size;"), System.Globalization.CultureInfo.InvariantCulture);
            return new FileInfo(path).Length < pages * pageSize ? "is damaged" : null;
        }
        catch (SqliteException ex) when (SqliteCacheSchema.IsCorrupt(ex))
        {
            return "is damaged";
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}

using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MusicDl.Caching;

/// <summary>
/// The cache file's shape: how it is created (owner-only), recognised as ours (application id, schema version,
/// <see cref="SqliteFileCheck"/>) and given its one table. No state: <see cref="SqliteCacheStore"/> decides what to do with a file
/// that is not ours.
/// </summary>
internal static class SqliteCacheSchema
{
    internal const int SchemaVersion = 1;

    /// <summary>"MDLC" in the header: tells our file from another program's SQLite database.</summary>
    internal const int ApplicationId = 0x4D444C43;

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteCorrupt = 11;
    private const int SqliteNotADatabase = 26;

    public static bool IsBusy(SqliteException ex) => ex.SqliteErrorCode is SqliteBusy or SqliteLocked;

    public static bool IsCorrupt(SqliteException ex) => ex.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase;

    /// <summary>Null when the file is ours (or empty), else why it must be moved aside.</summary>
    public static string? Inspect(SqliteConnection connection, string path, out long version)
    {
        version = 0;
        try
        {
            // One statement, so one read of the file: read one by one, another process creating the file at the same
            // moment could commit between them (id 0 read before its schema, its tables after), and our own fresh file
            // would look like another program's.
            long applicationId;
            long objects;
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT (SELECT application_id FROM pragma_application_id), (SELECT user_version FROM pragma_user_version), (SELECT COUNT(*) FROM sqlite_master);";
                using var reader = command.ExecuteReader();
                reader.Read();
                applicationId = reader.GetInt64(0);
                version = reader.GetInt64(1);
                objects = reader.GetInt64(2);
            }

            if (applicationId == 0 && version == 0)
            {
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

            return SqliteFileCheck.Problem(connection, path);
        }
        catch (SqliteException ex) when (IsCorrupt(ex))
        {
            return "is damaged";
        }
    }

    public static void CreateSchema(SqliteConnection connection)
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

    public static void CreateFileIfMissing(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
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

        if (File.Exists(path))
        {
            // It holds the Spotify access token: a file left readable by others (an older musicdl, a copy, a umask)
            // is narrowed to its owner on every open, with its -wal and -shm.
            if (!OperatingSystem.IsWindows())
            {
                foreach (var file in new[] { path, path + "-wal", path + "-shm" }.Where(File.Exists))
                {
                    if ((File.GetUnixFileMode(file) & ~(UnixFileMode.UserRead | UnixFileMode.UserWrite)) != 0)
                    {
                        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                    }
                }
            }

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
            using var created = new FileStream(path, options);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first.
        }
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

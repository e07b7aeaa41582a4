using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MusicDl.Library;

/// <summary>
/// The SQLite database behind <see cref="LibraryState"/>: its schema, the journal mode the file system allows, and the
/// in-memory copy a dry run reads. Kept apart from the state's queries, which only see an open connection.
/// </summary>
internal static class StateDatabase
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS files(
            path TEXT PRIMARY KEY,
            case_key TEXT NOT NULL,
            track_id TEXT NOT NULL,
            format TEXT NOT NULL,
            video_id TEXT,
            fingerprint TEXT,
            size INTEGER NOT NULL,
            mtime_ms INTEGER NOT NULL,
            placed_ms INTEGER NOT NULL,
            template TEXT);
        CREATE INDEX IF NOT EXISTS files_track ON files(track_id);
        CREATE TABLE IF NOT EXISTS file_sources(path TEXT NOT NULL, source TEXT NOT NULL, PRIMARY KEY(path, source));
        CREATE INDEX IF NOT EXISTS file_sources_source ON file_sources(source);
        CREATE TABLE IF NOT EXISTS claims(case_key TEXT PRIMARY KEY, path TEXT NOT NULL, base_key TEXT NOT NULL, track_id TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS claims_track ON claims(track_id, base_key);
        CREATE TABLE IF NOT EXISTS temp_files(path TEXT PRIMARY KEY, created_ms INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS missing_parts(path TEXT NOT NULL, part TEXT NOT NULL, PRIMARY KEY(path, part));
        CREATE TABLE IF NOT EXISTS loudness(
            track_id TEXT NOT NULL,
            format TEXT NOT NULL,
            video_id TEXT NOT NULL,
            lufs REAL NOT NULL,
            peak_db REAL,
            PRIMARY KEY(track_id, format, video_id));
        CREATE TABLE IF NOT EXISTS album_loudness(
            album_id TEXT NOT NULL,
            format TEXT NOT NULL,
            lufs REAL NOT NULL,
            peak_db REAL,
            PRIMARY KEY(album_id, format));
        """;

    /// <summary>
    /// A private in-memory copy of the state file <paramref name="database"/> (empty when there is none): the file and
    /// its WAL are copied to a temporary folder, opened there (replaying the WAL), backed up into memory and the copy
    /// deleted, so the library folder is only read.
    /// </summary>
    public static async Task<SqliteConnection> OpenSnapshotAsync(string database, CancellationToken cancellationToken)
    {
        var memory = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = ":memory:", Pooling = false }.ToString());
        try
        {
            await memory.OpenAsync(cancellationToken);
            if (File.Exists(database))
            {
                try
                {
                    await CopyIntoAsync(database, memory, cancellationToken);
                }
                catch (SqliteException)
                {
                    // A damaged state reads as none, as the real run will rebuild it (StateRecovery).
                    await memory.DisposeAsync();
                    memory = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = ":memory:", Pooling = false }.ToString());
                    await memory.OpenAsync(cancellationToken);
                }
            }

            await ExecuteAsync(memory, Schema, cancellationToken);
            return memory;
        }
        catch
        {
            await memory.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens (creating) the state file at <paramref name="path"/> in WAL mode, or "delete" where the file system cannot do WAL.</summary>
    public static async Task<(SqliteConnection Connection, string JournalMode)> OpenFileAsync(string path, bool preferWal, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            var mode = preferWal ? await TrySetJournalModeAsync(connection, "wal", cancellationToken) : null;
            if (mode != "wal")
            {
                mode = await TrySetJournalModeAsync(connection, "delete", cancellationToken) ?? "delete";
            }

            await ExecuteAsync(connection, "PRAGMA synchronous=" + (mode == "wal" ? "NORMAL" : "FULL") + ";" + Schema, cancellationToken);
            return (connection, mode);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task CopyIntoAsync(string database, SqliteConnection target, CancellationToken cancellationToken)
    {
        var scratch = Directory.CreateTempSubdirectory("musicdl-state-");
        try
        {
            var copy = Path.Combine(scratch.FullName, LibraryState.FileName);
            File.Copy(database, copy);
            if (File.Exists(database + "-wal"))
            {
                File.Copy(database + "-wal", copy + "-wal");
            }

            var builder = new SqliteConnectionStringBuilder { DataSource = copy, Mode = SqliteOpenMode.ReadWrite, Pooling = false };
            await using var connection = new SqliteConnection(builder.ToString());
            await connection.OpenAsync(cancellationToken);
            connection.BackupDatabase(target);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static async Task<string?> TrySetJournalModeAsync(SqliteConnection connection, string mode, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=" + mode;
            return Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture)?.ToLowerInvariant();
        }
        catch (SqliteException)
        {
            // WAL needs shared memory the file system may not offer; the caller falls back.
            return null;
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

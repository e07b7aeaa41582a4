using Microsoft.Data.Sqlite;

namespace MusicDl.Library;

/// <summary>
/// Opens the state file, and when it is not a usable musicdl state (random bytes, truncated, another program's
/// schema, a folder in its place) moves it aside as the cache file is and starts a fresh one. A fresh state is not a
/// loss: files already at their paths are recognised and skipped, as in a library without a state.
/// </summary>
internal static class StateRecovery
{
    // Every column the queries name: a foreign "files" table would pass CREATE TABLE IF NOT EXISTS and fail later.
    private const string ShapeCheck = """
        SELECT path, case_key, track_id, format, video_id, fingerprint, size, mtime_ms, placed_ms, template FROM files LIMIT 0;
        SELECT path, source FROM file_sources LIMIT 0;
        SELECT case_key, path, base_key, track_id FROM claims LIMIT 0;
        SELECT path, created_ms FROM temp_files LIMIT 0;
        SELECT path, part FROM missing_parts LIMIT 0;
        """;

    /// <summary>The open connection, its journal mode, and the warning to give when the old file was moved aside.</summary>
    public static async Task<(SqliteConnection Connection, string JournalMode, string? Warning)> OpenAsync(
        string path, bool preferWal, TimeProvider time, CancellationToken cancellationToken)
    {
        string? problem = Directory.Exists(path) ? "is a folder" : null;
        if (problem is null)
        {
            SqliteConnection? connection = null;
            try
            {
                var (opened, mode) = await StateDatabase.OpenFileAsync(path, preferWal, cancellationToken);
                connection = opened;
                problem = await InspectAsync(connection, cancellationToken);
                if (problem is null)
                {
                    return (connection, mode, null);
                }
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode is 11 or 26 or 1)
            {
                // 11 corrupt, 26 not a database, 1 a statement failing on a foreign schema.
                problem = "is damaged or not a musicdl state";
            }

            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }

        var target = MoveAside(path, time);
        var (fresh, freshMode) = await StateDatabase.OpenFileAsync(path, preferWal, cancellationToken);
        return (fresh, freshMode, $"the library state {path} {problem}: moved aside as {Path.GetFileName(target)}; starting a fresh one (files already in place are recognised)");
    }

    private static async Task<string?> InspectAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using (var shape = connection.CreateCommand())
        {
            shape.CommandText = ShapeCheck;
            try
            {
                await shape.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (SqliteException)
            {
                return "belongs to another program (foreign schema)";
            }
        }

        // The whole check on every open, unlike the cache file's (Caching/SqliteFileCheck): the state is the library's
        // record, and damage met mid-run would fail tracks one by one where here it is moved aside in one line.
        // It costs about 25 ms at 10,000 tracks (docs/performance.md).
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA quick_check;";
        return await check.ExecuteScalarAsync(cancellationToken) as string == "ok" ? null : "is damaged";
    }

    private static string MoveAside(string path, TimeProvider time)
    {
        var target = $"{path}.corrupt-{time.GetUtcNow():yyyyMMddTHHmmssfffZ}";
        if (Directory.Exists(path))
        {
            Directory.Move(path, target);
        }
        else
        {
            File.Move(path, target);
        }

        foreach (var suffix in new[] { "-wal", "-shm", "-journal" })
        {
            if (File.Exists(path + suffix))
            {
                File.Move(path + suffix, target + suffix);
            }
        }

        return target;
    }
}

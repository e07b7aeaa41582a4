using Microsoft.Data.Sqlite;
using MusicDl.Configuration;
using static MusicDl.Library.StateCommands;

namespace MusicDl.Library;

/// <summary>
/// The library state, <c>&lt;output_dir&gt;/.musicdl/state.db</c>: every file musicdl placed, the temporary files
/// in flight and the path claims that keep collision numbering stable. Not a cache: it is always used.
/// Written as each track completes, so a killed run keeps its progress. Calls are serialised (one connection).
/// </summary>
public sealed partial class LibraryState : IAsyncDisposable
{
    public const string FolderName = ".musicdl";
    public const string FileName = "state.db";

    private const string ExistingClaimSql =
        "SELECT path FROM claims WHERE track_id=$track AND base_key=$base ORDER BY length(path) LIMIT 1";

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _time;

    private LibraryState(SqliteConnection connection, string journalMode, TimeProvider time, string? recoveryWarning = null)
    {
        _connection = connection;
        JournalMode = journalMode;
        _time = time;
        RecoveryWarning = recoveryWarning;
    }

    /// <summary>Set when the state file was unusable and moved aside: the one warning to give.</summary>
    public string? RecoveryWarning { get; }

    /// <summary>"wal", or "delete" where the file system cannot do WAL (many network shares).</summary>
    public string JournalMode { get; }

    /// <summary>Opens (creating) the state of the library at <paramref name="libraryRoot"/>.</summary>
    public static Task<LibraryState> OpenAsync(string libraryRoot, TimeProvider? time = null, CancellationToken cancellationToken = default) =>
        OpenAsync(libraryRoot, time, preferWal: true, cancellationToken);

    internal static Task<LibraryState> OpenAsync(string libraryRoot, TimeProvider? time, bool preferWal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(libraryRoot);
        var folder = Path.Combine(Path.GetFullPath(libraryRoot), FolderName);
        Directory.CreateDirectory(folder);
        return OpenFileAsync(Path.Combine(folder, FileName), time, preferWal, cancellationToken);
    }

    private static async Task<LibraryState> OpenFileAsync(string path, TimeProvider? time, bool preferWal, CancellationToken cancellationToken)
    {
        time ??= TimeProvider.System;
        var (connection, mode, warning) = await StateRecovery.OpenAsync(path, preferWal, time, cancellationToken);
        return new LibraryState(connection, mode, time, warning);
    }

    /// <summary>
    /// A private, in-memory copy of the state of the library at <paramref name="libraryRoot"/> (empty when it has none),
    /// for dry runs: it answers like the state, and whatever is written to it is forgotten on dispose. The library
    /// folder is only read: SQLite would create -wal/-shm files (and may checkpoint) beside a database it opens, even
    /// read-only, so the database and its WAL are copied to a temporary folder, opened there (replaying the WAL), loaded
    /// into memory and the copy deleted at once. The caller keeps runs out while copying (a shared lock).
    /// </summary>
    internal static async Task<LibraryState> OpenSnapshotAsync(string libraryRoot, TimeProvider? time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(libraryRoot);
        var source = Path.Combine(Path.GetFullPath(libraryRoot), FolderName, FileName);
        var connection = await StateDatabase.OpenSnapshotAsync(source, cancellationToken);
        return new LibraryState(connection, "memory", time ?? TimeProvider.System);
    }

    public async Task RecordPlacedAsync(PlacedFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        await InTransactionAsync(
            async transaction =>
            {
                await ExecuteAsync(
                    """
                    INSERT INTO files(path, case_key, track_id, format, video_id, fingerprint, size, mtime_ms, placed_ms, template)
                    VALUES($path, $key, $track, $format, $video, $fp, $size, $mtime, $placed, $template)
                    ON CONFLICT(path) DO UPDATE SET case_key=$key, track_id=$track, format=$format, video_id=$video,
                        fingerprint=$fp, size=$size, mtime_ms=$mtime, placed_ms=$placed, template=$template
                    """,
                    transaction,
                    cancellationToken,
                    ("$path", file.Path),
                    ("$key", LibraryPaths.CaseKey(file.Path)),
                    ("$track", file.TrackId),
                    ("$format", FormatName(file.Format)),
                    ("$video", file.VideoId),
                    ("$fp", file.TagFingerprint),
                    ("$size", file.Size),
                    ("$mtime", file.ModifiedAt.ToUnixTimeMilliseconds()),
                    ("$placed", (file.PlacedAt == default ? _time.GetUtcNow() : file.PlacedAt).ToUnixTimeMilliseconds()),
                    ("$template", file.Template));
                foreach (var source in file.Sources)
                {
                    await AddSourceCoreAsync(transaction, file.Path, source, cancellationToken);
                }

                // Each placement says afresh what the file lacks: a part added now is no longer missing.
                await ExecuteAsync("DELETE FROM missing_parts WHERE path=$path", transaction, cancellationToken, ("$path", file.Path));
                foreach (var part in file.MissingParts.Distinct(StringComparer.Ordinal))
                {
                    await ExecuteAsync("INSERT INTO missing_parts(path, part) VALUES($path, $part)", transaction, cancellationToken, ("$path", file.Path), ("$part", part));
                }
            },
            cancellationToken);
    }

    /// <summary>Notes that <paramref name="source"/> also wants the file at <paramref name="path"/>.</summary>
    public Task AddSourceAsync(string path, string source, CancellationToken cancellationToken = default) =>
        InTransactionAsync(t => AddSourceCoreAsync(t, path, source, cancellationToken), cancellationToken);

    public Task RemoveSourceAsync(string path, string source, CancellationToken cancellationToken = default) =>
        InTransactionAsync(
            t => ExecuteAsync("DELETE FROM file_sources WHERE path=$path AND source=$source", t, cancellationToken, ("$path", path), ("$source", source)),
            cancellationToken);

    /// <summary>Forgets the file at <paramref name="path"/>, its sources and its path claim.</summary>
    public Task RemoveAsync(string path, CancellationToken cancellationToken = default) =>
        InTransactionAsync(
            t => ExecuteAsync(
                "DELETE FROM files WHERE path=$path; DELETE FROM file_sources WHERE path=$path; DELETE FROM missing_parts WHERE path=$path; DELETE FROM claims WHERE case_key=$key;",
                t,
                cancellationToken,
                ("$path", path),
                ("$key", LibraryPaths.CaseKey(path))),
            cancellationToken);

    /// <summary>Notes that the file at <paramref name="path"/> lacks <paramref name="part"/> (a placement says afresh what it lacks).</summary>
    public Task AddMissingPartAsync(string path, string part, CancellationToken cancellationToken = default) =>
        InTransactionAsync(
            t => ExecuteAsync(
                "INSERT INTO missing_parts(path, part) SELECT $path, $part WHERE EXISTS (SELECT 1 FROM files WHERE path=$path) AND NOT EXISTS (SELECT 1 FROM missing_parts WHERE path=$path AND part=$part)",
                t,
                cancellationToken,
                ("$path", path),
                ("$part", part)),
            cancellationToken);

    /// <summary>Notes that the file at <paramref name="path"/> has <paramref name="part"/> now.</summary>
    public Task RemoveMissingPartAsync(string path, string part, CancellationToken cancellationToken = default) =>
        InTransactionAsync(
            t => ExecuteAsync("DELETE FROM missing_parts WHERE path=$path AND part=$part", t, cancellationToken, ("$path", path), ("$part", part)),
            cancellationToken);

    /// <summary>Updates the tag fingerprint, size and mtime of a file after it was re-tagged.</summary>
    public Task UpdateTagsAsync(string path, string fingerprint, long size, DateTimeOffset modifiedAt, CancellationToken cancellationToken = default) =>
        InTransactionAsync(
            t => ExecuteAsync(
                "UPDATE files SET fingerprint=$fp, size=$size, mtime_ms=$mtime WHERE path=$path",
                t,
                cancellationToken,
                ("$path", path),
                ("$fp", fingerprint),
                ("$size", size),
                ("$mtime", modifiedAt.ToUnixTimeMilliseconds())),
            cancellationToken);

    /// <summary>The file recorded at <paramref name="path"/>, or null.</summary>
    public async Task<PlacedFile?> GetAsync(string path, CancellationToken cancellationToken = default) =>
        (await QueryFilesAsync("f.path=$v", path, cancellationToken)).FirstOrDefault();

    /// <summary>Every file recorded for a Spotify track (several paths, several formats).</summary>
    public Task<IReadOnlyList<PlacedFile>> GetByTrackAsync(string trackId, CancellationToken cancellationToken = default) =>
        QueryFilesAsync("f.track_id=$v", trackId, cancellationToken);

    /// <summary>Every file a source asked for (sync pruning compares these with the source's current tracks).</summary>
    public Task<IReadOnlyList<PlacedFile>> GetBySourceAsync(string source, CancellationToken cancellationToken = default) =>
        QueryFilesAsync("f.path IN (SELECT path FROM file_sources WHERE source=$v)", source, cancellationToken);

    public Task<IReadOnlyList<PlacedFile>> GetAllAsync(CancellationToken cancellationToken = default) =>
        QueryFilesAsync("$v IS NULL", null, cancellationToken);

    /// <summary>
    /// The files and path claims of <paramref name="trackIds"/> in two queries (the ids go in as one JSON array), for
    /// a run to answer its unchanged tracks from (<see cref="StateIndex"/>).
    /// </summary>
    internal async Task<StateIndex> ReadIndexAsync(IReadOnlyCollection<string> trackIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trackIds);
        var ids = System.Text.Json.JsonSerializer.Serialize(trackIds.ToArray(), LibraryJsonContext.Default.StringArray);
        var files = new List<PlacedFile>();
        var claims = new List<(string, string, string)>();

        // Only what the index's check reads (path, format, template, sources, missing parts): at 10,000 tracks the
        // other columns were a fifth of the read and most of the index's memory. Repeated values (the template, a
        // playlist's source list, a format) are one object each.
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var lists = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var formats = new Dictionary<string, AudioFormat>(StringComparer.Ordinal);
        string Text(string text) => texts.TryGetValue(text, out var known) ? known : texts[text] = text;
        string[] List(string joined) => lists.TryGetValue(joined, out var known) ? known : lists[joined] = joined.Split('\n');
        AudioFormat Format(string name) => formats.TryGetValue(name, out var known) ? known : formats[name] = Enum.Parse<AudioFormat>(name, ignoreCase: true);

        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using (var command = _connection.CreateCommand())
            {
                command.CommandText = """
                    SELECT f.path, f.track_id, f.format, f.template,
                           (SELECT group_concat(source, char(10)) FROM (SELECT source FROM file_sources s WHERE s.path=f.path ORDER BY source)),
                           (SELECT group_concat(part, char(10)) FROM (SELECT part FROM missing_parts m WHERE m.path=f.path ORDER BY part))
                    FROM files f WHERE f.track_id IN (SELECT value FROM json_each($v)) ORDER BY f.path
                    """;
                command.Parameters.AddWithValue("$v", ids);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    files.Add(new PlacedFile
                    {
                        Path = reader.GetString(0),
                        TrackId = reader.GetString(1),
                        Format = Format(reader.GetString(2)),
                        Template = reader.IsDBNull(3) ? null : Text(reader.GetString(3)),
                        Sources = reader.IsDBNull(4) ? [] : List(reader.GetString(4)),
                        MissingParts = reader.IsDBNull(5) ? [] : List(reader.GetString(5)),
                    });
                }
            }

            await using (var command = _connection.CreateCommand())
            {
                command.CommandText = "SELECT track_id, base_key, path FROM claims WHERE track_id IN (SELECT value FROM json_each($v))";
                command.Parameters.AddWithValue("$v", ids);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    claims.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
                }
            }
        }
        finally
        {
            _gate.Release();
        }

        return new StateIndex(files, claims);
    }

    /// <summary>
    /// The path the track gets for <paramref name="desiredPath"/>: the same answer every run. Another track already
    /// holding that path, or one differing only in letter case, pushes this one to " (2)", " (3)"...
    /// </summary>
    public async Task<string> ClaimPathAsync(string trackId, string desiredPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trackId);
        ArgumentNullException.ThrowIfNull(desiredPath);
        string? claimed = null;
        var baseKey = LibraryPaths.CaseKey(desiredPath);
        await InTransactionAsync(
            async transaction =>
            {
                claimed = await ScalarAsync<string>(ExistingClaimSql, transaction, cancellationToken, ("$track", trackId), ("$base", baseKey));
                if (claimed is not null)
                {
                    return;
                }

                desiredPath = await AlignFolderCaseAsync(transaction, desiredPath, cancellationToken);
                for (var number = 1; claimed is null; number++)
                {
                    var candidate = LibraryPaths.WithSuffix(desiredPath, number);
                    var key = LibraryPaths.CaseKey(candidate);
                    var owner = await ScalarAsync<string>("SELECT track_id FROM claims WHERE case_key=$key", transaction, cancellationToken, ("$key", key));
                    if (owner is null)
                    {
                        await ExecuteAsync(
                            "INSERT INTO claims(case_key, path, base_key, track_id) VALUES($key, $path, $base, $track)",
                            transaction,
                            cancellationToken,
                            ("$key", key),
                            ("$path", candidate),
                            ("$base", baseKey),
                            ("$track", trackId));
                        claimed = candidate;
                    }
                    else if (owner == trackId)
                    {
                        claimed = candidate;
                    }
                }
            },
            cancellationToken);
        return claimed!;
    }

    /// <summary>The path the track already claimed for <paramref name="desiredPath"/>, or null; claims nothing (dry runs).</summary>
    public async Task<string?> FindClaimAsync(string trackId, string desiredPath, CancellationToken cancellationToken = default)
    {
        string? claimed = null;
        await InTransactionAsync(
            async transaction => claimed = await ScalarAsync<string>(
                ExistingClaimSql,
                transaction,
                cancellationToken,
                ("$track", trackId),
                ("$base", LibraryPaths.CaseKey(desiredPath))),
            cancellationToken);
        return claimed;
    }

    /// <summary>Releases a claim (the file moved away or was pruned) so the path is free again.</summary>
    public Task ReleaseClaimAsync(string path, CancellationToken cancellationToken = default) =>
        InTransactionAsync(
            t => ExecuteAsync("DELETE FROM claims WHERE case_key=$key", t, cancellationToken, ("$key", LibraryPaths.CaseKey(path))),
            cancellationToken);

    /// <summary>Records a temporary file before it is created, so a crash leaves a note of what to remove.</summary>
    public Task RecordTempAsync(string fullPath, CancellationToken cancellationToken = default) =>
        InTransactionAsync(
            t => ExecuteAsync(
                "INSERT OR REPLACE INTO temp_files(path, created_ms) VALUES($path, $now)",
                t,
                cancellationToken,
                ("$path", fullPath),
                ("$now", _time.GetUtcNow().ToUnixTimeMilliseconds())),
            cancellationToken);

    public Task ForgetTempAsync(string fullPath, CancellationToken cancellationToken = default) =>
        InTransactionAsync(t => ExecuteAsync("DELETE FROM temp_files WHERE path=$path", t, cancellationToken, ("$path", fullPath)), cancellationToken);

    /// <summary>The parts some recorded file still lacks (see <see cref="FileParts"/>): the library's backlog, by part.</summary>
    public async Task<IReadOnlySet<string>> GetMissingPartsAsync(CancellationToken cancellationToken = default)
    {
        var parts = new HashSet<string>(StringComparer.Ordinal);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = "SELECT DISTINCT part FROM missing_parts";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                parts.Add(reader.GetString(0));
            }
        }
        finally
        {
            _gate.Release();
        }

        return parts;
    }

    public async Task<IReadOnlyList<string>> GetTempFilesAsync(CancellationToken cancellationToken = default)
    {
        var result = new List<string>();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = "SELECT path FROM temp_files ORDER BY path";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                result.Add(reader.GetString(0));
            }
        }
        finally
        {
            _gate.Release();
        }

        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        _gate.Dispose();
    }

    internal static string FormatName(AudioFormat format) => format.ToString().ToLowerInvariant();

    private async Task<IReadOnlyList<PlacedFile>> QueryFilesAsync(string where, string? value, CancellationToken cancellationToken)
    {
        var rows = new List<PlacedFile>();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = $"""
                SELECT f.path, f.track_id, f.format, f.video_id, f.fingerprint, f.size, f.mtime_ms, f.placed_ms, f.template,
                       (SELECT group_concat(source, char(10)) FROM (SELECT source FROM file_sources s WHERE s.path=f.path ORDER BY source)),
                       (SELECT group_concat(part, char(10)) FROM (SELECT part FROM missing_parts m WHERE m.path=f.path ORDER BY part))
                FROM files f WHERE {where} ORDER BY f.path
                """;
            command.Parameters.AddWithValue("$v", (object?)value ?? DBNull.Value);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new PlacedFile
                {
                    Path = reader.GetString(0),
                    TrackId = reader.GetString(1),
                    Format = Enum.Parse<AudioFormat>(reader.GetString(2), ignoreCase: true),
                    VideoId = reader.IsDBNull(3) ? null : reader.GetString(3),
                    TagFingerprint = reader.IsDBNull(4) ? null : reader.GetString(4),
                    Size = reader.GetInt64(5),
                    ModifiedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
                    PlacedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
                    Template = reader.IsDBNull(8) ? null : reader.GetString(8),
                    Sources = reader.IsDBNull(9) ? [] : reader.GetString(9).Split('\n'),
                    MissingParts = reader.IsDBNull(10) ? [] : reader.GetString(10).Split('\n'),
                });
            }
        }
        finally
        {
            _gate.Release();
        }

        return rows;
    }

    private async Task InTransactionAsync(Func<SqliteTransaction, Task> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync(cancellationToken);
            await work(transaction);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    // "Abba/x.mp3" after "ABBA/y.mp3" goes into "ABBA": on a case-insensitive disk they are one folder anyway,
    // and on any other disk one folder per artist is what the user expects.
    private static async Task<string> AlignFolderCaseAsync(SqliteTransaction transaction, string path, CancellationToken cancellationToken)
    {
        for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            var prefix = LibraryPaths.CaseKey(path[..(slash + 1)]);
            var existing = await ScalarAsync<string>(
                "SELECT path FROM claims WHERE substr(case_key, 1, length($prefix)) = $prefix LIMIT 1",
                transaction,
                cancellationToken,
                ("$prefix", prefix));
            if (existing is not null && existing.Length > slash && LibraryPaths.CaseKey(existing[..(slash + 1)]) == prefix)
            {
                path = existing[..(slash + 1)] + path[(slash + 1)..];
            }
        }

        return path;
    }

    private static Task AddSourceCoreAsync(SqliteTransaction transaction, string path, string source, CancellationToken cancellationToken) =>
        ExecuteAsync("INSERT OR IGNORE INTO file_sources(path, source) VALUES($path, $source)", transaction, cancellationToken, ("$path", path), ("$source", source));
}

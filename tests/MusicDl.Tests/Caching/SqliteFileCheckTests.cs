using Microsoft.Data.Sqlite;
using MusicDl.Caching;

namespace MusicDl.Tests.Caching;

/// <summary>
/// The open-time check of the cache file (issue 22 §3): a file its last writer closed is checked for
/// being cut short only; one whose WAL still holds frames (a writer died) is read whole (quick_check).
/// </summary>
public sealed class SqliteFileCheckTests : IDisposable
{
    private const int PageSize = 4096;
    private readonly TempFolder _folder = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public void A_whole_file_closed_cleanly_passes()
    {
        var file = Filled("whole.db");

        Assert.Null(Check(file));
    }

    [Fact]
    public void A_file_cut_short_is_damaged()
    {
        var file = Filled("short.db");
        using (var stream = new FileStream(file, FileMode.Open))
        {
            stream.SetLength(stream.Length - PageSize);
        }

        Assert.Equal("is damaged", Check(file));
    }

    [Fact]
    public void A_closed_file_is_not_read_page_by_page_but_one_left_with_wal_frames_is()
    {
        // The same damaged page: unseen in a file closed cleanly (met on use), found when a writer died mid-way.
        var closed = Filled("closed.db");
        Damage(closed);
        Assert.Null(Check(closed));

        var live = Filled("live.db");
        var copy = _folder.File("crashed.db");
        using (var writer = Open(live))
        {
            Execute(writer, "PRAGMA wal_autocheckpoint=0; INSERT INTO t(v) VALUES('late');");

            // What a crash leaves: the file and its WAL with frames, no checkpoint.
            File.Copy(live, copy);
            File.Copy(live + "-wal", copy + "-wal");
        }

        Damage(copy);
        Assert.Equal("is damaged", Check(copy));
    }

    private string Filled(string name)
    {
        var file = _folder.File(name);
        using var connection = Open(file);
        Execute(connection, $"PRAGMA page_size={PageSize}; PRAGMA journal_mode=WAL; CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT); CREATE INDEX t_v ON t(v);");
        Execute(connection, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 2000) INSERT INTO t(v) SELECT printf('value %d', i) FROM n;");
        return file;
    }

    // Garbage over the middle page: a b-tree page of the table or its index.
    private static void Damage(string file)
    {
        using var stream = new FileStream(file, FileMode.Open);
        stream.Position = stream.Length / PageSize / 2 * PageSize;
        stream.Write(Enumerable.Repeat((byte)0xA5, PageSize).ToArray());
    }

    private static string? Check(string file)
    {
        using var connection = Open(file);
        return SqliteFileCheck.Problem(connection, file);
    }

    private static SqliteConnection Open(string file)
    {
        var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

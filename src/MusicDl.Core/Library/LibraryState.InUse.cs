using Microsoft.Data.Sqlite;

namespace MusicDl.Library;

public sealed partial class LibraryState
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>
    /// Makes sure the state can be written before any track starts: another process holding it (an open
    /// <c>BEGIN EXCLUSIVE</c>, a sqlite3 shell mid-transaction) is the "library in use" case, waited for up to
    /// <paramref name="wait"/> (<see cref="Timeout.InfiniteTimeSpan"/>: until it lets go or a signal comes), then a
    /// <see cref="LibraryLockedException"/> naming the file; not a 30-second busy wait on every track.
    /// </summary>
    internal async Task EnsureWritableAsync(string statePath, TimeSpan wait, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        while (true)
        {
            try
            {
                await using var probe = _connection.CreateCommand();
                probe.CommandTimeout = 1;
                probe.CommandText = "BEGIN IMMEDIATE; ROLLBACK;";
                await probe.ExecuteNonQueryAsync(cancellationToken);
                return;
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteBusy or SqliteLocked)
            {
                if (wait != Timeout.InfiniteTimeSpan && _time.GetElapsedTime(started) >= wait)
                {
                    throw new LibraryLockedException(
                        $"the library state {statePath} is in use by another process (database is locked); close it or run again with --wait",
                        ex);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250), _time, cancellationToken);
            }
        }
    }
}

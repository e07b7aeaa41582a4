using Microsoft.Data.Sqlite;

namespace MusicDl.Library;

/// <summary>Parameterised commands inside a transaction of the library state.</summary>
internal static class StateCommands
{
    public static async Task ExecuteAsync(string sql, SqliteTransaction transaction, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Prepare(sql, transaction, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<T?> ScalarAsync<T>(string sql, SqliteTransaction transaction, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Prepare(sql, transaction, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? default : (T)value;
    }

    public static SqliteCommand Prepare(string sql, SqliteTransaction transaction, (string Name, object? Value)[] parameters)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}

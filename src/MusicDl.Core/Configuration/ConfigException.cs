namespace MusicDl.Configuration;

/// <summary>
/// Bad configuration or a bad setting value (exit code 2). From a file, the message starts with
/// <c>file:line:column:</c>; from the command line or the environment, with the key or variable name.
/// </summary>
public sealed class ConfigException : Exception
{
    public ConfigException()
    {
    }

    public ConfigException(string message)
        : base(message)
    {
    }

    public ConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConfigException(string file, int line, int column, string message)
        : base($"{file}:{line}:{column}: {message}")
    {
        File = file;
        Line = line;
        Column = column;
    }

    public string? File { get; }

    /// <summary>1-based line in <see cref="File"/>, 0 when the error has no position.</summary>
    public int Line { get; }

    /// <summary>1-based column in <see cref="File"/>, 0 when the error has no position.</summary>
    public int Column { get; }

    public bool HasLocation => File is not null;
}

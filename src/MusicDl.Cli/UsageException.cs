namespace MusicDl.Cli;

/// <summary>Bad usage or input found by the CLI: one line on stderr, exit 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

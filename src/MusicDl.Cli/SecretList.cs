namespace MusicDl.Cli;

/// <summary>The secret values of one invocation, which must never reach stderr or the log.</summary>
internal sealed class SecretList
{
    // Replaced, never mutated, so the writers can read it from any thread without a lock.
    private volatile string[] _secrets = [];

    public IReadOnlyCollection<string> Current => _secrets;

    public void Add(string? secret)
    {
        if (!string.IsNullOrEmpty(secret))
        {
            _secrets = [.. _secrets, secret];
        }
    }
}

namespace MusicDl.Http;

/// <summary>Runs an action once when disposed: the end of a scope (a ticket handed back, an async-local restored).</summary>
internal sealed class DisposeAction(Action? dispose) : IDisposable
{
    /// <summary>A scope with nothing to undo.</summary>
    public static readonly DisposeAction Nothing = new(null);

    private Action? _dispose = dispose;

    public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
}

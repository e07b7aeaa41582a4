namespace MusicDl.Caching;

/// <summary>
/// One running factory call of <see cref="CacheRegion.GetOrCreateAsync{T}"/> and the callers awaiting it.
/// The factory runs on the flight's own token, cancelled only when every waiter has given up.
/// </summary>
internal sealed class Flight<T> : IDisposable
{
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _abandon;
    private readonly CancellationToken _token;
    private readonly TaskCompletionSource<CacheLookup<T>> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _waiters;
    private bool _disposed;
    private bool _abandoned;

    public Task<CacheLookup<T>> Result => _result.Task;

    public Flight()
    {
        _abandon = new CancellationTokenSource();
        _token = _abandon.Token;
    }

    public CancellationToken Token => _token;

    /// <summary>False when every earlier waiter gave up and the factory is being cancelled: start a new flight.</summary>
    public bool TryJoin()
    {
        lock (_gate)
        {
            if (_disposed || _abandoned)
            {
                return false;
            }

            _waiters++;
            return true;
        }
    }

    public async Task<CacheLookup<T>> WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _result.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !_result.Task.IsCompleted)
        {
            Leave();
            throw;
        }
    }

    public void Complete(CacheLookup<T> result) => _result.TrySetResult(result);

    public void Fail(Exception exception)
    {
        if (exception is OperationCanceledException canceled && canceled.CancellationToken.IsCancellationRequested)
        {
            _result.TrySetCanceled(canceled.CancellationToken);
        }
        else
        {
            _result.TrySetException(exception);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;

            // A source being cancelled may still be running its callbacks on another frame; without a timer
            // it holds nothing the GC cannot reclaim, so only an untouched one is disposed.
            if (!_abandoned)
            {
                _abandon.Dispose();
            }
        }
    }

    private void Leave()
    {
        lock (_gate)
        {
            _waiters--;
            if (_waiters > 0 || _disposed || _result.Task.IsCompleted)
            {
                return;
            }

            _abandoned = true;
        }

        // Outside the lock: the callbacks run the factory's cancellation, which may complete the flight.
        _abandon.Cancel();
    }
}

using MusicDl.Caching;

namespace MusicDl.Tests.Caching;

/// <summary>A factory that always gives the same answer and counts how often the cache asked it.</summary>
internal sealed class CountingOrigin<T>(CacheLookup<T> answer)
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Task<CacheLookup<T>> Ask(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(answer);
    }
}

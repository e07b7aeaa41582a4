using Microsoft.Extensions.Logging;

namespace MusicDl.Caching;

/// <summary>
/// <c>musicdl cache stats|clear|prune</c> on a cache file. A missing file is reported empty and not created.
/// A damaged file is moved aside like in a run (see <see cref="Warnings"/>).
/// </summary>
public sealed class CacheAdmin
{
    private readonly TimeProvider _time;

    public CacheAdmin(string path, TimeProvider time, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(time);
        FilePath = System.IO.Path.GetFullPath(path);
        _time = time;
        Warnings = new CacheWarnings(logger);
    }

    public string FilePath { get; }

    public CacheWarnings Warnings { get; }

    public CacheFileStatistics Stats()
    {
        if (!File.Exists(FilePath))
        {
            return new CacheFileStatistics(FilePath, false, 0, []);
        }

        var regions = WithStore(store => store.ReadStatisticsAsync(CancellationToken.None)) ?? [];
        return new CacheFileStatistics(FilePath, true, BytesOnDisk(), regions);
    }

    /// <summary>Deletes every entry, or those of <paramref name="region"/>; returns how many.</summary>
    public long Clear(string? region = null)
    {
        if (region is not null && !CacheRegions.All.Contains(region, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Unknown cache region '{region}' (known: {string.Join(", ", CacheRegions.All)}).", nameof(region));
        }

        return File.Exists(FilePath) ? Math.Max(0, WithStore(store => store.ClearAsync(region, CancellationToken.None))) : 0;
    }

    /// <summary>Drops expired entries and compacts the file; returns how many were dropped.</summary>
    public long Prune() => File.Exists(FilePath) ? Math.Max(0, WithStore(store => store.PruneAsync(CancellationToken.None))) : 0;

    // The admin commands are synchronous from top to bottom: they wait for the store here, on their own thread,
    // and nowhere on a path that other work shares.
    private T WithStore<T>(Func<SqliteCacheStore, Task<T>> action)
    {
        var store = new SqliteCacheStore(FilePath, _time, Warnings);
        try
        {
            return action(store).GetAwaiter().GetResult();
        }
        finally
        {
            store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private long BytesOnDisk() =>
        new[] { FilePath, FilePath + "-wal", FilePath + "-shm" }
            .Where(File.Exists)
            .Sum(p => new FileInfo(p).Length);
}

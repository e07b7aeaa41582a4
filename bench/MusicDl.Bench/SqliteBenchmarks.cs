using BenchmarkDotNet.Attributes;
using MusicDl.Caching;

namespace MusicDl.Bench;

/// <summary>The persistent layer alone: a get of a present key and a put (WAL, synchronous=NORMAL) on a temp file.</summary>
[MemoryDiagnoser]
public class SqliteBenchmarks
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "musicdl-bench-" + Guid.NewGuid().ToString("N"));
    private SqliteCacheStore _store = null!;
    private StoredEntry _entry;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _store = new SqliteCacheStore(Path.Combine(_folder, "cache.db"), TimeProvider.System, new CacheWarnings());
        _entry = new StoredEntry("""{"id":"4uLU6hMCjMI75M1A2tKUQC","name":"Never Gonna Give You Up"}""", false, DateTimeOffset.UtcNow.AddDays(1));
        for (var i = 0; i < 1_000; i++)
        {
            _store.SetAsync("spotify", $"track:{i}", _entry, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public bool SqliteGet() => _store.GetAsync("spotify", $"track:{_next++ % 1_000}", CancellationToken.None).GetAwaiter().GetResult() is not null;

    [Benchmark]
    public void SqlitePut() => _store.SetAsync("spotify", $"track:{_next++ % 1_000}", _entry, CancellationToken.None).GetAwaiter().GetResult();
}

namespace MusicDl.Caching;

/// <summary>The cache as a whole: its regions and their statistics.</summary>
public interface ICache : IAsyncDisposable
{
    /// <summary>The region of that name (see <see cref="CacheRegions"/>).</summary>
    ICacheRegion Region(string name);

    IReadOnlyList<RegionStatistics> GetStatistics();
}

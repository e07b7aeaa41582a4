using System.Text.Json.Serialization.Metadata;

namespace MusicDl.Caching;

/// <summary>The cache as a whole: its regions and their statistics.</summary>
public interface ICache : IAsyncDisposable
{
    /// <summary>
    /// A handle on the region of that name (see <see cref="CacheRegions"/>) for values of type
    /// <typeparamref name="T"/>, written to the persistent and shared layers as <paramref name="type"/> says.
    /// </summary>
    ICacheRegion<T> Region<T>(string name, JsonTypeInfo<T> type);

    IReadOnlyList<RegionStatistics> GetStatistics();
}

using System.Text.Json.Serialization.Metadata;

namespace MusicDl.Caching;

/// <summary>
/// A region behind its typed handles: what <see cref="LayeredCache"/> keeps per name. The generic method runs
/// once per handle, when it is made, never on a lookup.
/// </summary>
internal interface IRegionStore
{
    string Name { get; }

    ICacheRegion<T> Handle<T>(JsonTypeInfo<T> type);

    RegionStatistics GetStatistics();
}

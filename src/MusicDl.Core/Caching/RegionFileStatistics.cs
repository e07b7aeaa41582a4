namespace MusicDl.Caching;

/// <summary>One region's entries in the cache file; <see cref="Expired"/> are dropped by a prune.</summary>
public sealed record RegionFileStatistics(string Region, long Entries, long Expired, DateTimeOffset Oldest, DateTimeOffset Newest);

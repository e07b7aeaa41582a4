namespace MusicDl.Caching;

/// <summary>What <c>musicdl cache stats</c> shows: the file, its size on disk (with WAL) and its entries per region.</summary>
public sealed record CacheFileStatistics(string Path, bool Exists, long BytesOnDisk, IReadOnlyList<RegionFileStatistics> Regions)
{
    public long Entries => Regions.Sum(r => r.Entries);

    public DateTimeOffset? Oldest => Regions.Count == 0 ? null : Regions.Min(r => r.Oldest);

    public DateTimeOffset? Newest => Regions.Count == 0 ? null : Regions.Max(r => r.Newest);
}

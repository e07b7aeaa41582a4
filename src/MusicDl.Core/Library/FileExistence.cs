using MusicDl.Caching;

namespace MusicDl.Library;

/// <summary>
/// Existence checks through the <c>file_existence</c> region (key: absolute path), so a track two sources ask for
/// is checked once. Creating a file sets the entry; deleting one removes it. Without a region it asks the disk.
/// </summary>
public sealed class FileExistence
{
    private readonly ICacheRegion<bool>? _region;

    public FileExistence(ICacheRegion<bool>? region) => _region = region;

    public Task<bool> ExistsAsync(string fullPath, CancellationToken cancellationToken = default) =>
        LookAsync(fullPath, seen: false, cancellationToken);

    /// <summary>
    /// <see cref="ExistsAsync"/> for a path the caller has just seen on disk: the same look-up (and count), but a miss
    /// records it as there without a second <c>stat</c> (one per unchanged track of a warm run).
    /// </summary>
    public Task<bool> ExistsSeenAsync(string fullPath, CancellationToken cancellationToken = default) =>
        LookAsync(fullPath, seen: true, cancellationToken);

    private async Task<bool> LookAsync(string fullPath, bool seen, CancellationToken cancellationToken)
    {
        if (_region is null)
        {
            return seen || File.Exists(fullPath);
        }

        var lookup = await _region.GetOrCreateAsync(
            fullPath,
            _ => Task.FromResult(CacheLookup<bool>.Found(seen || File.Exists(fullPath))),
            cancellationToken);
        return lookup.IsHit && lookup.Value;
    }

    public ValueTask MarkCreatedAsync(string fullPath, CancellationToken cancellationToken = default) =>
        _region?.SetAsync(fullPath, true, cancellationToken: cancellationToken) ?? ValueTask.CompletedTask;

    public ValueTask MarkDeletedAsync(string fullPath, CancellationToken cancellationToken = default) =>
        _region?.RemoveAsync(fullPath, cancellationToken) ?? ValueTask.CompletedTask;
}

using MusicDl.Caching;
using MusicDl.Configuration;
using MusicDl.Tagging;

namespace MusicDl.Library;

/// <summary>
/// Metadata mode: re-tags files already in the library and skips, without opening them, those whose recorded
/// fingerprint matches the intended tags (and whose size and mtime are unchanged). The tags region fronts the
/// state, which is authoritative. A re-tag works on a copy that replaces the file atomically.
/// </summary>
public sealed class Retagger
{
    private readonly ITagWriter _writer;
    private readonly MusicLibrary _library;
    private readonly ICacheRegion<KnownTags>? _tags;

    public Retagger(ITagWriter writer, MusicLibrary library, ICacheRegion<KnownTags>? tagsRegion = null)
    {
        _writer = writer;
        _library = library;
        _tags = tagsRegion;
    }

    public async Task<RetagResult> RetagAsync(
        string relativePath,
        string trackId,
        AudioFormat format,
        TagSet tags,
        CancellationToken cancellationToken = default,
        IReadOnlyList<string>? missingParts = null)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var full = _library.FullPath(relativePath);
        var info = new FileInfo(full);
        if (!info.Exists)
        {
            return RetagResult.Missing;
        }

        var fingerprint = _writer.Fingerprint(tags);
        var known = await KnownAsync(full, relativePath, cancellationToken);
        if (known is not null && known.Fingerprint == fingerprint && known.Size == info.Length
            && known.ModifiedUnixMs == new DateTimeOffset(info.LastWriteTimeUtc).ToUnixTimeMilliseconds())
        {
            return RetagResult.Unchanged;
        }

        var temp = await _library.CreateTempFileAsync(relativePath, cancellationToken);
        PlacedFile placed;
        try
        {
            File.Copy(full, temp, overwrite: true);
            await _writer.WriteAsync(temp, format, tags, cancellationToken);
            var existing = await _library.State.GetAsync(relativePath, cancellationToken);
            placed = await _library.CommitAsync(
                temp,
                new PlacementRequest(relativePath, trackId, format)
                {
                    Sources = existing?.Sources ?? [],
                    Template = existing?.Template,
                    VideoId = existing?.VideoId,
                    TagFingerprint = fingerprint,
                    MissingParts = missingParts ?? [],
                },
                cancellationToken);
        }
        catch
        {
            await _library.DiscardAsync(temp, CancellationToken.None);
            throw;
        }

        await RememberAsync(full, new KnownTags(fingerprint, placed.Size, placed.ModifiedAt.ToUnixTimeMilliseconds()));
        return RetagResult.Written;
    }

    /// <summary>Notes the fingerprint of a file just placed with fresh tags (the download path).</summary>
    public ValueTask RememberAsync(string fullPath, KnownTags known) =>
        _tags?.SetAsync(fullPath, known) ?? ValueTask.CompletedTask;

    private async Task<KnownTags?> KnownAsync(string fullPath, string relativePath, CancellationToken cancellationToken)
    {
        if (_tags is not null)
        {
            var cached = await _tags.GetAsync(fullPath, cancellationToken);
            if (cached.IsHit && cached.Value is not null)
            {
                return cached.Value;
            }
        }

        var record = await _library.State.GetAsync(relativePath, cancellationToken);
        if (record?.TagFingerprint is not { } fingerprint)
        {
            return null;
        }

        var known = new KnownTags(fingerprint, record.Size, record.ModifiedAt.ToUnixTimeMilliseconds());
        await RememberAsync(fullPath, known);
        return known;
    }
}

using System.Collections.Concurrent;
using MusicDl.Tagging;

namespace MusicDl.Downloading;

/// <summary>
/// The tags this run wrote into each file (by library path) and the parts it lacked, so ReplayGain's album pass can
/// add the album gain to them without asking LRCLIB, MusicBrainz or the cover server again: a dead or slow service
/// would otherwise cost every track a second time. Of the cover only its hash is kept (a run may place thousands of
/// tracks): the file has the picture, and the album pass reads it back.
/// </summary>
internal sealed class TagsWrittenThisRun
{
    private readonly ConcurrentDictionary<string, (TagSet Tags, string? CoverHash, IReadOnlyList<string> Missing)> _byPath = new(StringComparer.Ordinal);

    public void Remember(string path, TagSet tags, IReadOnlyList<string> missing) =>
        _byPath[path] = (tags with { Cover = null }, tags.Cover?.Hash, missing);

    public bool Holds(string path) => _byPath.ContainsKey(path);

    /// <summary>What was written at <paramref name="path"/> (its cover left out), forgotten once taken: the album pass needs it once.</summary>
    public bool TryTake(string path, out (TagSet Tags, string? CoverHash, IReadOnlyList<string> Missing) written) => _byPath.TryRemove(path, out written);
}

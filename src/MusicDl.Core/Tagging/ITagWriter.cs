using MusicDl.Configuration;

namespace MusicDl.Tagging;

/// <summary>Writes a <see cref="TagSet"/> into an audio file of a known format.</summary>
public interface ITagWriter
{
    /// <summary>
    /// Replaces the file's tags with <paramref name="tags"/>. The format is given, never guessed from the name,
    /// because files are tagged under hidden temporary names. Returns the tag fingerprint written.
    /// </summary>
    /// <summary>The fingerprint <see cref="WriteAsync"/> would return for <paramref name="tags"/>, without writing.</summary>
    string Fingerprint(TagSet tags) => TagFingerprint.Compute(tags);

    Task<string> WriteAsync(string path, AudioFormat format, TagSet tags, CancellationToken cancellationToken = default);
}

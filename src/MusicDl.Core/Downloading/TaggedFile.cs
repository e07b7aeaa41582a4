using MusicDl.Tagging;

namespace MusicDl.Downloading;

/// <summary>
/// What the tagger wrote into a file: its tags, their fingerprint, the text of the .lrc sidecar to place beside it (when
/// one is wanted and there are synced lyrics), and the parts it lacks (see <c>FileParts</c>).
/// </summary>
public sealed record TaggedFile(TagSet Tags, string Fingerprint, string? Sidecar, IReadOnlyList<string> Missing);

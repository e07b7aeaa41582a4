using MusicDl.Configuration;

namespace MusicDl.Library;

/// <summary>What the library records about a file being put in place.</summary>
/// <param name="RelativePath">The claimed path (see <see cref="MusicLibrary.ClaimPathAsync"/>).</param>
public sealed record PlacementRequest(string RelativePath, string TrackId, AudioFormat Format)
{
    public IReadOnlyList<string> Sources { get; init; } = [];

    public string? Template { get; init; }

    public string? VideoId { get; init; }

    public string? TagFingerprint { get; init; }

    /// <summary>What the file lacks that a later run should add (see <see cref="FileParts"/>); empty when complete.</summary>
    public IReadOnlyList<string> MissingParts { get; init; } = [];
}

using MusicDl.Configuration;

namespace MusicDl.Library;

/// <summary>One file musicdl placed in the library, as the library state records it.</summary>
public sealed record PlacedFile
{
    /// <summary>Relative to the library folder, '/'-separated.</summary>
    public required string Path { get; init; }

    public required string TrackId { get; init; }

    public required AudioFormat Format { get; init; }

    /// <summary>The sources (spotify:playlist:... URIs) that asked for this file.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    public string? VideoId { get; init; }

    public string? TagFingerprint { get; init; }

    public long Size { get; init; }

    public DateTimeOffset ModifiedAt { get; init; }

    public DateTimeOffset PlacedAt { get; init; }

    /// <summary>The path template the file was placed with; a different template in use means a move.</summary>
    public string? Template { get; init; }

    /// <summary>What the file lacks (see <see cref="FileParts"/>): a file with any is incomplete and re-tagged next run.</summary>
    public IReadOnlyList<string> MissingParts { get; init; } = [];
}

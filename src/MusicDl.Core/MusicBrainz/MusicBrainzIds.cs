namespace MusicDl.MusicBrainz;

/// <summary>
/// Picard's identifiers for a track: the recording (Track Id), the release whose title matched the Spotify album
/// (Album Id) and its release group, the credited artists; and the most-voted genres when they were asked for.
/// </summary>
public sealed record MusicBrainzIds
{
    public required string RecordingId { get; init; }

    public string? ReleaseId { get; init; }

    public string? ReleaseGroupId { get; init; }

    public IReadOnlyList<string> ArtistIds { get; init; } = [];

    /// <summary>The chosen release's credited artists (Picard's MusicBrainz Album Artist Id); empty when unknown.</summary>
    public IReadOnlyList<string> AlbumArtistIds { get; init; } = [];

    public IReadOnlyList<string> Genres { get; init; } = [];
}

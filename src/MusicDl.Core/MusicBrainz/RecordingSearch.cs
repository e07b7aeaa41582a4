namespace MusicDl.MusicBrainz;

/// <summary>A track known only by title, first artist and length (read from a public page: no ISRC, no album).</summary>
public sealed record RecordingSearch(string Title, string Artist, TimeSpan Duration);

/// <summary>
/// What MusicBrainz's recording search gives for a track a public page left bare: the ISRC, the album it was released
/// on with its date, and the track's number and disc on it, with Picard's ids.
/// </summary>
public sealed record RecordingDetails
{
    public required string RecordingId { get; init; }

    public string? Isrc { get; init; }

    public IReadOnlyList<string> ArtistIds { get; init; } = [];

    public string? ReleaseId { get; init; }

    public string? ReleaseGroupId { get; init; }

    public string? Album { get; init; }

    /// <summary>As MusicBrainz gives it: "1987", "1987-11" or "1987-11-12".</summary>
    public string? ReleaseDate { get; init; }

    public int? TrackNumber { get; init; }

    public int? TrackCount { get; init; }

    public int? DiscNumber { get; init; }
}

/// <summary>Finds a recording by title, artist and length.</summary>
public interface IRecordingSearch
{
    /// <summary>
    /// The recording, or null when none has this title and artist within 3 s of the length. Throws
    /// <see cref="Http.ServiceException"/> (service "MusicBrainz") when MusicBrainz could not answer.
    /// </summary>
    Task<RecordingDetails?> SearchAsync(RecordingSearch query, CancellationToken cancellationToken = default);
}

namespace MusicDl.MusicBrainz;

/// <summary>Identifies a track at MusicBrainz.</summary>
public interface IMusicBrainzSource
{
    /// <summary>
    /// The ids, or null when MusicBrainz knows no recording of this ISRC and length. Throws
    /// <see cref="Http.ServiceException"/> (service "MusicBrainz") when it could not answer (timeout, 5xx after waiting, a broken answer).
    /// </summary>
    Task<MusicBrainzIds?> LookupAsync(MusicBrainzQuery query, CancellationToken cancellationToken = default);
}

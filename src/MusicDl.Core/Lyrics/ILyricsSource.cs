namespace MusicDl.Lyrics;

/// <summary>Finds a track's lyrics.</summary>
public interface ILyricsSource
{
    /// <summary>
    /// The lyrics found (an instrumental record included), or null when the service knows none. Throws
    /// <see cref="Http.ServiceException"/> (service "LRCLIB") when the service could not answer (timeout, 5xx, a broken answer): that is
    /// not "none found" and must not be remembered as such.
    /// </summary>
    Task<TrackLyrics?> FindAsync(LyricsQuery query, CancellationToken cancellationToken = default);
}

using MusicDl.Models;

namespace MusicDl.Spotify;

/// <summary>What the pipeline asks of Spotify: a source's entries, and the details of a track about to be downloaded.</summary>
public interface ISpotifyClient
{
    /// <summary>Spotify API requests sent so far (for the run summary).</summary>
    long RequestCount { get; }

    /// <summary>
    /// Every entry of the source in source order (1-based positions). Episodes, local files, removed entries and
    /// tracks not playable in the market come back as unsupported entries with a reason.
    /// </summary>
    /// <exception cref="SpotifySourceException">The source cannot be read (403, 404, login needed).</exception>
    /// <exception cref="SpotifyCannotProceedException">Spotify cannot be used for this run (exit 3).</exception>
    Task<ResolvedSource> ResolveAsync(SpotifySource source, CancellationToken cancellationToken);

    /// <summary>
    /// Fills in what listing pages leave out: the ISRC (full track), label/copyright/disc count (full album) and the
    /// genres (first artist's, fetched once per artist). Asks only for what is missing.
    /// </summary>
    Task<Track> CompleteAsync(Track track, CancellationToken cancellationToken);

    /// <summary>Only what matching needs: the ISRC (one track request when the listing left it out).</summary>
    Task<Track> CompleteIsrcAsync(Track track, CancellationToken cancellationToken);
}

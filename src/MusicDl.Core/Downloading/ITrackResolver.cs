using MusicDl.Models;

namespace MusicDl.Downloading;

/// <summary>Reads sources and full tracks (the Spotify client, through its cache).</summary>
public interface ITrackResolver
{
    /// <summary>Reads a source; throws <see cref="SourceUnavailableException"/> when this source cannot be read.</summary>
    Task<ResolvedSource> ResolveAsync(SpotifySource source, CancellationToken cancellationToken);

    /// <summary>The full track (ISRC, genres) when the source gave a simplified one; asked only for tracks that need it.</summary>
    Task<Track> CompleteAsync(Track track, CancellationToken cancellationToken);

    /// <summary>Only what matching needs (the ISRC): <c>match</c> writes no tags, so it asks for no album or artist.</summary>
    Task<Track> CompleteForMatchAsync(Track track, CancellationToken cancellationToken);
}

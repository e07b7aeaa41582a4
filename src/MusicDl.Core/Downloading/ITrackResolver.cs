using MusicDl.Models;

namespace MusicDl.Downloading;

/// <summary>Reads sources and full tracks (the Spotify client, through its cache).</summary>
public interface ITrackResolver
{
    /// <summary>Reads a source; throws <see cref="SourceUnavailableException"/> when this source cannot be read.</summary>
    Task<ResolvedSource> ResolveAsync(SpotifySource source, CancellationToken cancellationToken);

    /// <summary>The full track (ISRC, genres) when the source gave a simplified one; asked only for tracks that need it.</summary>
    Task<Track> CompleteAsync(Track track, CancellationToken cancellationToken);
}

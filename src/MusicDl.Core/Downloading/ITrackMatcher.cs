using MusicDl.Models;

namespace MusicDl.Downloading;

/// <summary>Finds the video for a track (the audio provider's search and scorer, through the cache).</summary>
public interface ITrackMatcher
{
    Task<TrackMatch> MatchAsync(Track track, CancellationToken cancellationToken);

    /// <summary>Drops a cached match whose video turned out unavailable and searches once more without it.</summary>
    Task<TrackMatch> RematchAsync(Track track, string unavailableVideoId, CancellationToken cancellationToken);
}

using MusicDl.Models;
using MusicDl.YouTube.Matching;

namespace MusicDl.Downloading;

/// <summary>Finds the YouTube video for a track (the audio provider's search and scorer, through the cache).</summary>
public interface ITrackMatcher
{
    Task<MatchResult> MatchAsync(Track track, CancellationToken cancellationToken);

    /// <summary>Drops a cached match whose video turned out unavailable and searches once more without it.</summary>
    Task<MatchResult> RematchAsync(Track track, string unavailableVideoId, CancellationToken cancellationToken);
}

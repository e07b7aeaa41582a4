using MusicDl.Models;

namespace MusicDl.Downloading;

/// <summary>Finds the YouTube video for a track (the audio provider's search and scorer, through the cache).</summary>
public interface ITrackMatcher
{
    Task<TrackMatch> MatchAsync(Track track, CancellationToken cancellationToken);

    /// <summary>Forgets a cached match whose video turned out unavailable, so the next match searches again.</summary>
    Task ForgetAsync(Track track, CancellationToken cancellationToken);
}

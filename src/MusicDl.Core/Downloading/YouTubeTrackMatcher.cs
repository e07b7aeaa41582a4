using MusicDl.Models;
using MusicDl.YouTube.Matching;

namespace MusicDl.Downloading;

/// <summary>
/// The pipeline's matcher port over the YouTube matcher. The matcher is a service client that knows nothing of the
/// pipeline (layers point downwards), so the pipeline plugs it in here, as it does the Spotify client and the library.
/// </summary>
public sealed class YouTubeTrackMatcher(AudioMatcher matcher) : ITrackMatcher
{
    public Task<MatchResult> MatchAsync(Track track, CancellationToken cancellationToken) =>
        matcher.MatchAsync(track, cancellationToken);

    public Task<MatchResult> RematchAsync(Track track, string unavailableVideoId, CancellationToken cancellationToken) =>
        matcher.RematchAsync(track, unavailableVideoId, cancellationToken);
}

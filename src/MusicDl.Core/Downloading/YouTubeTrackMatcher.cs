using MusicDl.Models;
using MusicDl.YouTube.Matching;

namespace MusicDl.Downloading;

/// <summary>
/// The pipeline's matcher port over the YouTube matcher, whose <see cref="MatchResult"/> it reads into a
/// <see cref="TrackMatch"/>. The matcher is a service client that knows nothing of the pipeline (layers point
/// downwards), so the pipeline plugs it in here, as it does the Spotify client and the library.
/// </summary>
public sealed class YouTubeTrackMatcher(AudioMatcher matcher) : ITrackMatcher
{
    public async Task<TrackMatch> MatchAsync(Track track, CancellationToken cancellationToken) =>
        Translate(await matcher.MatchAsync(track, cancellationToken));

    public async Task<TrackMatch> RematchAsync(Track track, string unavailableVideoId, CancellationToken cancellationToken) =>
        Translate(await matcher.RematchAsync(track, unavailableVideoId, cancellationToken));

    internal static TrackMatch Translate(MatchResult result) => new()
    {
        VideoId = result.IsMatched ? result.VideoId : null,
        Provider = result.Provider,
        Score = result.Score,
        Album = result.Album,
        Pinned = result.Source == MatchSource.Override,
        Excluded = result.Status == MatchStatus.Excluded,
        Candidates = result.TopCandidates.Select(c => c.ToReport()).ToArray(),
    };
}

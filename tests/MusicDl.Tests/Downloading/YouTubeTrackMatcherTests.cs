using MusicDl.Downloading;
using MusicDl.YouTube.Matching;

namespace MusicDl.Tests.Downloading;

/// <summary>The matcher adapter reads YouTube's answer into the pipeline's: what is chosen, pinned or skipped.</summary>
public sealed class YouTubeTrackMatcherTests
{
    [Fact]
    public void A_searched_match_is_chosen_and_not_pinned()
    {
        var match = YouTubeTrackMatcher.Translate(new MatchResult { Status = MatchStatus.Matched, VideoId = "dQw4w9WgXcQ", Provider = "youtube-music", Score = 0.9, Album = "Whenever" });

        Assert.True(match.IsMatched);
        Assert.False(match.Pinned);
        Assert.Equal(("dQw4w9WgXcQ", "youtube-music", 0.9, "Whenever"), (match.VideoId, match.Provider, match.Score, match.Album));
    }

    [Fact]
    public void An_override_is_pinned_and_a_skip_override_is_excluded_with_no_video()
    {
        var pinned = YouTubeTrackMatcher.Translate(new MatchResult { Status = MatchStatus.Matched, VideoId = "dQw4w9WgXcQ", Provider = "override", Source = MatchSource.Override });
        var excluded = YouTubeTrackMatcher.Translate(MatchResult.Excluded());

        Assert.True(pinned is { IsMatched: true, Pinned: true });
        Assert.True(excluded is { IsMatched: false, Excluded: true, VideoId: null });
    }

    [Fact]
    public void Not_found_has_no_video()
    {
        var match = YouTubeTrackMatcher.Translate(MatchResult.NotFound([]));

        Assert.True(match is { IsMatched: false, Excluded: false, VideoId: null });
        Assert.Empty(match.Candidates);
    }
}

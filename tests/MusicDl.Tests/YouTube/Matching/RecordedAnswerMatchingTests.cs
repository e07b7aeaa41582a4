using MusicDl.Tests.YouTube.Search;
using MusicDl.YouTube.Matching;
using MusicDl.YouTube.Search;
using static MusicDl.Tests.YouTube.Matching.TestTracks;

namespace MusicDl.Tests.YouTube.Matching;

/// <summary>The scorer on the real (recorded, hl=de) answer for "Lost Identities Moments".</summary>
public sealed class RecordedAnswerMatchingTests
{
    private static readonly double Threshold = new MusicDl.Configuration.MusicDlSettings().MatchThreshold;

    private static List<(SearchCandidate Candidate, MatchScore Score)> ScoreAll(MusicDl.Models.Track track)
    {
        using var doc = RecordedAnswers.Load("ytmusic-search-query.json");
        return YouTubeMusicSearchParser.Parse(doc.RootElement).Candidates
            .Select(c => (c, MatchScorer.Score(track, c)))
            .OrderByDescending(x => x.Item2.Value)
            .ToList();
    }

    [Fact]
    public void The_song_beats_the_top_result_video_and_the_lyric_video()
    {
        var scored = ScoreAll(Track("Moments", "Lost Identities | Robbie Rosen", 220, "Moments"));

        Assert.Equal("0h6XAAwX8II", scored[0].Candidate.VideoId);
        Assert.True(scored[0].Score.Value >= MatchScorer.CertainScore, $"{scored[0].Score}");
        // The official video (card) and the lyric upload are acceptable but rank lower.
        Assert.Contains(scored.Skip(1), x => x.Candidate.VideoId == "fxhzvHrTO2k" && x.Score.Value >= Threshold);
    }

    [Fact]
    public void The_acoustic_version_and_other_songs_are_rejected()
    {
        var scored = ScoreAll(Track("Moments", "Lost Identities | Robbie Rosen", 220, "Moments"));

        Assert.True(scored.Single(x => x.Candidate.VideoId == "wgpEmlJ3guA").Score.IsRejected);
        Assert.True(scored.Single(x => x.Candidate.VideoId == "r51FxWfnbh0").Score.IsRejected);
        Assert.True(scored.Single(x => x.Candidate.VideoId == "PVUe0rW8qkE").Score.IsRejected);
    }

    [Fact]
    public void Asking_for_the_acoustic_version_finds_it_and_rejects_the_original()
    {
        var scored = ScoreAll(Track("Moments - Acoustic Version", "Lost Identities | Robbie Rosen", 169, "Moments (Acoustic Version)"));

        Assert.Equal("wgpEmlJ3guA", scored[0].Candidate.VideoId);
        Assert.True(scored[0].Score.Value >= MatchScorer.CertainScore);
        Assert.True(scored.Single(x => x.Candidate.VideoId == "0h6XAAwX8II").Score.IsRejected);
    }

    [Fact]
    public void A_track_that_is_not_in_the_answer_finds_nothing_acceptable()
    {
        var scored = ScoreAll(Track("Somebody Else", "The 1975", 347, "I like it when you sleep"));

        Assert.All(scored, x => Assert.True(x.Score.Value < Threshold, $"{x.Candidate.VideoId} {x.Score}"));
    }
}

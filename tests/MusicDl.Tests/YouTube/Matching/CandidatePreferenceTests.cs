using MusicDl.Configuration;
using MusicDl.Models;
using MusicDl.Tests.YouTube.Search;
using MusicDl.YouTube.Matching;
using MusicDl.YouTube.Search;
using static MusicDl.Tests.YouTube.Matching.TestTracks;

namespace MusicDl.Tests.YouTube.Matching;

/// <summary>Among candidates for the same recording: the album's audio, then the official video, then an upload.</summary>
public sealed class CandidatePreferenceTests
{
    private static readonly double Threshold = new MusicDlSettings().MatchThreshold;

    private static readonly Track Lights = Track("Blinding Lights", "The Weeknd", 200, "After Hours");
    private static readonly SearchCandidate LightsSong = Song("Blinding Lights", "The Weeknd", 201, "After Hours", videoId: "song0000001");
    private static readonly SearchCandidate LightsVideo = Video("The Weeknd - Blinding Lights (Official Video)", "The Weeknd", 200, "video000001");
    private static readonly SearchCandidate LightsUpload = Upload("The Weeknd - Blinding Lights (Lyrics)", "7clouds", 199, "upload00001");

    private static IReadOnlyList<ScoredCandidate> Rank(Track track, params SearchCandidate[] candidates) =>
        CandidateRanking.Rank(candidates.Select(c => new ScoredCandidate(c, MatchScorer.Score(track, c), "q", SearchFilter.None)), Threshold);

    public static TheoryData<int[]> Orders => new() { new[] { 0, 1, 2 }, new[] { 0, 2, 1 }, new[] { 1, 0, 2 }, new[] { 1, 2, 0 }, new[] { 2, 0, 1 }, new[] { 2, 1, 0 } };

    [Theory]
    [MemberData(nameof(Orders))]
    public void Song_then_official_video_then_upload_whatever_order_the_search_gave(int[] order)
    {
        var given = new[] { LightsSong, LightsVideo, LightsUpload };

        var ranked = Rank(Lights, order.Select(i => given[i]).ToArray());

        Assert.Equal(["song0000001", "video000001", "upload00001"], ranked.Select(r => r.Candidate.VideoId));
        Assert.All(ranked, r => Assert.True(r.Score.SameRecording, $"{r.Candidate.VideoId}: {r.Score}"));
    }

    [Fact]
    public void The_official_video_beats_an_upload_that_scores_higher()
    {
        // The upload names both artists in its title; the official video's channel is only the main artist.
        var track = Track("Moments", "Lost Identities | Robbie Rosen", 220, "Moments");
        var official = Video("Moments (Official Video)", "Lost Identities", 221, "video000002");
        var upload = Upload("Lost Identities & Robbie Rosen - Moments (Lyrics)", "Lyrics Kart", 219, "upload00002");

        var ranked = Rank(track, upload, official);

        Assert.True(ranked[1].Score.Value > ranked[0].Score.Value, $"upload {ranked[1].Score.Value} <= video {ranked[0].Score.Value}");
        Assert.Equal("video000002", ranked[0].Candidate.VideoId);
    }

    [Fact]
    public void A_candidate_of_another_length_is_not_the_same_recording_and_ranks_by_score()
    {
        // The song is 12 s longer (another cut): the exact-length official video is the recording.
        var longerSong = Song("Blinding Lights", "The Weeknd", 212, "After Hours", videoId: "song0000002");

        var ranked = Rank(Lights, longerSong, LightsVideo);

        Assert.False(ranked.Single(r => r.Candidate.VideoId == "song0000002").Score.SameRecording);
        Assert.Equal("video000001", ranked[0].Candidate.VideoId);
    }

    [Fact]
    public void The_other_edit_is_not_the_same_recording()
    {
        var track = Track("Stan", "Eminem", 404, "The Marshall Mathers LP", @explicit: true);
        var clean = Song("Stan", "Eminem", 404, "The Marshall Mathers LP", @explicit: false, videoId: "cleanedit01");
        var video = Video("Eminem - Stan (Official Video)", "Eminem", 404, "video000003");

        var ranked = Rank(track, clean, video);

        Assert.False(ranked.Single(r => r.Candidate.VideoId == "cleanedit01").Score.SameRecording);
        Assert.Equal("video000003", ranked[0].Candidate.VideoId);
    }

    [Fact]
    public void A_rejected_or_failing_candidate_is_never_preferred_for_its_kind()
    {
        var remix = Song("Blinding Lights (Remix)", "The Weeknd", 200, "After Hours", videoId: "remix000001");

        var ranked = Rank(Lights, remix, LightsUpload);

        Assert.Equal("upload00001", ranked[0].Candidate.VideoId);
        Assert.True(ranked[1].Score.IsRejected);
    }

    [Theory]
    [InlineData("MUSIC_VIDEO_TYPE_ATV", CandidateKind.Song)]
    [InlineData("MUSIC_VIDEO_TYPE_OMV", CandidateKind.Video)]
    [InlineData("MUSIC_VIDEO_TYPE_UGC", CandidateKind.Upload)]
    [InlineData(null, CandidateKind.Upload)]
    public void The_kind_is_read_from_the_music_video_type(string? videoType, CandidateKind kind) =>
        Assert.Equal(kind, (Video("x", "y", 1) with { VideoType = videoType }).Kind);

    [Fact]
    public void In_the_recorded_answer_the_album_song_leads_then_the_card_video_then_the_lyric_upload()
    {
        // Real answer (hl=de): the top-result card is the official video, the song sits in the list below it.
        using var doc = RecordedAnswers.Load("ytmusic-search-query.json");
        var candidates = YouTubeMusicSearchParser.Parse(doc.RootElement).Candidates;
        Assert.Equal(CandidateKind.Video, candidates[0].Kind);

        var ranked = Rank(Track("Moments", "Lost Identities | Robbie Rosen", 220, "Moments"), [.. candidates])
            .Where(r => r.Score.SameRecording)
            .Select(r => (r.Candidate.VideoId, r.Candidate.Kind))
            .ToList();

        Assert.Equal(("0h6XAAwX8II", CandidateKind.Song), ranked[0]);
        Assert.Equal(("fxhzvHrTO2k", CandidateKind.Video), ranked[1]);
        Assert.Contains(("GnKXjblvqOg", CandidateKind.Upload), ranked.Skip(2));
    }

    [Fact]
    public void The_cross_script_rule_marks_the_artist_part_as_given_by_the_album()
    {
        var score = MatchScorer.Score(Track("Blue", "Yoav", 215, "Blue Sun"), Song("Blue", "יואב", 215, "Blue Sun"));

        Assert.True(score.ArtistByAlbum);
        Assert.True(score.SameRecording);
        Assert.Equal(MatchScorer.ArtistByAlbum, score.Artist);
        Assert.InRange(score.Value, new MusicDlSettings().ReviewThreshold, MatchScorer.CertainScore - 0.001);
    }
}

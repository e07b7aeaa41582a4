using MusicDl.Models;
using MusicDl.YouTube.Search;

namespace MusicDl.YouTube.Matching;

/// <summary>A candidate with its score and the search that found it (for <c>-v</c> logging).</summary>
public sealed record ScoredCandidate(SearchCandidate Candidate, MatchScore Score, string Query, SearchFilter Filter)
{
    /// <summary>The candidate as the review file and <c>--explain</c> show it.</summary>
    public CandidateReport ToReport() => new()
    {
        VideoId = Candidate.VideoId,
        Title = Candidate.Title,
        Artists = Candidate.Artists,
        Album = Candidate.Album,
        Duration = Candidate.Duration,
        Kind = CandidateRanking.KindName(Candidate.Kind),
        Provider = Candidate.Provider,
        Score = Score.Value,
        TitlePart = Score.Title,
        ArtistPart = Score.Artist,
        DurationPart = Score.Duration,
        AlbumMatch = Score.AlbumMatch,
        ExplicitMismatch = Score.ExplicitMismatch,
        IsrcHit = Score.IsrcHit,
        SameRecording = Score.SameRecording,
        ArtistByAlbum = Score.ArtistByAlbum,
        Rejection = Score.Rejection,
    };
}

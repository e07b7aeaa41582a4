using MusicDl.YouTube.Search;

namespace MusicDl.YouTube.Matching;

/// <summary>
/// Orders scored candidates best first. Candidates that are the Spotify recording itself and pass the threshold
/// come first, the album's audio before the official video before an upload, whatever order the searches gave
/// them in; then everything else by score.
/// </summary>
public static class CandidateRanking
{
    public static IReadOnlyList<ScoredCandidate> Rank(IEnumerable<ScoredCandidate> scored, double threshold)
    {
        ArgumentNullException.ThrowIfNull(scored);
        return scored
            .GroupBy(s => s.Candidate.VideoId, StringComparer.Ordinal)
            .Select(g => g.MaxBy(s => s.Score.Value)!)
            .OrderByDescending(s => Preferred(s, threshold))
            .ThenByDescending(s => Preferred(s, threshold) ? (int)s.Candidate.Kind : 0)
            .ThenByDescending(s => s.Score.Value)
            .ToList();
    }

    private static bool Preferred(ScoredCandidate s, double threshold) => s.Score.SameRecording && s.Score.Value >= threshold;

    /// <summary>The word the review file and <c>--explain</c> show for a kind.</summary>
    public static string KindName(CandidateKind kind) => kind switch
    {
        CandidateKind.Song => "song",
        CandidateKind.Video => "video",
        _ => "upload",
    };
}

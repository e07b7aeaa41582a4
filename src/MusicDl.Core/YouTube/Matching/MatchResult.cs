using MusicDl.YouTube.Search;

namespace MusicDl.YouTube.Matching;

/// <summary>
/// The answer for one track: the chosen video (id, provider, score, title), or not found, or excluded;
/// with the best candidates seen and their scores, best first.
/// </summary>
public sealed record MatchResult
{
    public required MatchStatus Status { get; init; }

    public string? VideoId { get; init; }

    public string? Provider { get; init; }

    public double? Score { get; init; }

    public string? Title { get; init; }

    /// <summary>The album YouTube Music names for the chosen song (its album run), when it names one.</summary>
    public string? Album { get; init; }

    public MatchSource Source { get; init; } = MatchSource.Search;

    public IReadOnlyList<ScoredCandidate> TopCandidates { get; init; } = [];

    public bool IsMatched => Status == MatchStatus.Matched;

    public string? WatchUrl => Models.VideoId.WatchUrlOf(VideoId);

    public static MatchResult Excluded() => new() { Status = MatchStatus.Excluded, Source = MatchSource.Override };

    public static MatchResult NotFound(IReadOnlyList<ScoredCandidate> top) => new() { Status = MatchStatus.NotFound, TopCandidates = top };

    public static MatchResult Found(SearchCandidate candidate, double score, IReadOnlyList<ScoredCandidate> top) => new()
    {
        Status = MatchStatus.Matched,
        VideoId = candidate.VideoId,
        Provider = candidate.Provider,
        Score = score,
        Title = candidate.Title,
        Album = candidate.Album,
        TopCandidates = top,
    };
}

using MusicDl.YouTube.Search;

namespace MusicDl.YouTube.Matching;

/// <summary>A candidate with its score and the search that found it (for <c>-v</c> logging).</summary>
public sealed record ScoredCandidate(SearchCandidate Candidate, MatchScore Score, string Query, SearchFilter Filter);

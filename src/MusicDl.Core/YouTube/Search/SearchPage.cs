namespace MusicDl.YouTube.Search;

/// <summary>One page of search results and the token of the next page, if any.</summary>
public sealed record SearchPage(IReadOnlyList<SearchCandidate> Candidates, string? ContinuationToken)
{
    public static SearchPage Empty { get; } = new([], null);
}

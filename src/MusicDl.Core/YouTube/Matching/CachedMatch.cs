namespace MusicDl.YouTube.Matching;

/// <summary>What the <c>match</c> cache region keeps per Spotify track id.</summary>
public sealed record CachedMatch(string VideoId, string Provider, double Score, string Title);

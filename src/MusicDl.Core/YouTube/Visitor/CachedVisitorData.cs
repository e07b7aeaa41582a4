namespace MusicDl.YouTube.Visitor;

/// <summary>The visitor data kept in the <c>visitor_data</c> cache region.</summary>
public sealed record CachedVisitorData(string Value);

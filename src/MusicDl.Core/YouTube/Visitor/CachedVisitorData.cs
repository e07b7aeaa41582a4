namespace MusicDl.YouTube.Visitor;

/// <summary>The visitor data kept in the <c>visitor_data</c> cache region.</summary>
internal sealed record CachedVisitorData(string Value);

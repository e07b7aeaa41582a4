namespace MusicDl.Fakes.YouTubeMedia;

/// <summary>One player request as the fake saw it.</summary>
public sealed record FakePlayerRequest(string VideoId, string ClientName, string? ClientNameHeader, string? ClientVersionHeader, string? UserAgent, string Body);

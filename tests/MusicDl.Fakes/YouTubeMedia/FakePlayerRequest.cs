namespace MusicDl.Fakes.YouTubeMedia;

/// <summary>One player request as the fake saw it.</summary>
public sealed record FakePlayerRequest(string VideoId, string ClientName, string? ClientNameHeader, string? ClientVersionHeader, string? UserAgent, string Body)
{
    /// <summary>The X-Goog-Visitor-Id header.</summary>
    public string? VisitorIdHeader { get; init; }

    /// <summary>context.client.visitorData of the body.</summary>
    public string? ContextVisitorData { get; init; }

    /// <summary>Both carried the visitor data the fake issued.</summary>
    public bool HadVisitorData { get; init; }
}

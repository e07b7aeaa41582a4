namespace MusicDl.Fakes.YouTubeMusic;

/// <summary>What a search request carried, as the fake saw it (tests assert the wire format with it).</summary>
public sealed record FakeSearchRequest(
    string ClientName,
    string? ClientVersion,
    string? Query,
    string? Params,
    string? Continuation,
    string PathAndQuery,
    string? Origin,
    string? Cookie,
    string? ContentType,
    string? UserAgent)
{
    /// <summary>The X-Goog-Visitor-Id header.</summary>
    public string? VisitorIdHeader { get; init; }

    /// <summary>context.client.visitorData of the body.</summary>
    public string? ContextVisitorData { get; init; }

    /// <summary>context.client.gl of the body (null when not sent).</summary>
    public string? Gl { get; init; }
}

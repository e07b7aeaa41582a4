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
    string? UserAgent);

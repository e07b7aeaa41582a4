namespace MusicDl.Downloading;

/// <summary>The answer of a matcher: the chosen video, or why there is none.</summary>
public sealed record TrackMatch(MatchKind Kind, string? VideoId = null, string? Provider = null, double? Score = null, string? Reason = null)
{
    public static TrackMatch NotFound(string reason) => new(MatchKind.NotFound, Reason: reason);

    public static TrackMatch Excluded { get; } = new(MatchKind.Excluded, Reason: "pinned to skip in overrides");

    public string? YouTubeUrl => VideoId is null ? null : $"https://www.youtube.com/watch?v={VideoId}";
}

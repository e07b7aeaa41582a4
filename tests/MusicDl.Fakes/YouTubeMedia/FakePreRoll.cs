namespace MusicDl.Fakes.YouTubeMedia;

/// <summary>A pre-roll ad: its media URLs answer 403 for <paramref name="Length"/> after the player answer.</summary>
public sealed record FakePreRoll(TimeSpan Length, FakeAdShape Shape = FakeAdShape.Placement);

namespace MusicDl.YouTube.Player;

/// <summary>
/// One classified failure to get audio for a video. <see cref="IsAboutTrack"/> is true only when the video itself is
/// unplayable or gone: only such failures may be cached as negative, and a run where EVERY track fails with
/// <c>IsAboutTrack == false</c> should stop early (the machine, not the tracks, is the problem).
/// </summary>
public sealed record PlayerFailure(PlayerFailureKind Kind, string VideoId, string? Client, string Message)
{
    /// <summary>The service's own reason text, when it gave one.</summary>
    public string? Reason { get; init; }

    public bool IsAboutTrack => Kind is PlayerFailureKind.Unplayable or PlayerFailureKind.Unavailable;

    public override string ToString() => Message;
}

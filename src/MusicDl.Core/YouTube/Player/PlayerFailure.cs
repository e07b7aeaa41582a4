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

    public bool IsAboutTrack => Kind is PlayerFailureKind.Unplayable or PlayerFailureKind.Unavailable or PlayerFailureKind.LiveStream;

    /// <summary>
    /// About the track and settled: the reason says removed, private or deleted, or yt-dlp failed on it too. Only a
    /// conclusive failure is remembered as "this video has no audio" (the match is dropped and searched again).
    /// </summary>
    public bool Conclusive { get; init; }

    public override string ToString() => Message;
}

namespace MusicDl.YouTube.Player;

/// <summary>The parts of a /youtubei/v1/player answer musicdl uses.</summary>
public sealed record PlayerResponse(string Status, string? Reason, IReadOnlyList<AudioStreamInfo> AudioStreams)
{
    public bool IsPlayable => Status == "OK";

    public TimeSpan? Duration { get; init; }

    /// <summary><c>responseContext.visitorData</c>, which every InnerTube answer repeats.</summary>
    public string? VisitorData { get; init; }

    /// <summary><c>videoDetails.isLive</c>: a stream going on now (its formats have no contentLength).</summary>
    public bool IsLive { get; init; }

    /// <summary>YouTube's session limit ("try again later" in the reason or error screen, or a captcha): about the session, not the video.</summary>
    public bool SessionLimited { get; init; }
    /// <summary>The pre-roll ad YouTube plays first, if any: the media URLs answer 403 until it has passed.</summary>
    public PreRollAd? PreRoll { get; init; }

    /// <summary>When the answer arrived (the ad window starts then).</summary>
    public DateTimeOffset AnsweredAt { get; init; }
}

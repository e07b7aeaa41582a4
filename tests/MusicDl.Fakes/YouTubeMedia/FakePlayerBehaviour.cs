namespace MusicDl.Fakes.YouTubeMedia;

/// <summary>How the fake player answers for a video (and a client).</summary>
public enum FakePlayerBehaviour
{
    Playable,
    Unplayable,
    Unavailable,
    LoginRequired,
    BotCheck,
    AgeGated,
    CipherOnly,
    Private,

    /// <summary>YouTube's session limit: "This content isn't available, try again later." (about the session, not the video).</summary>
    SessionLimited,
    /// <summary>ERROR "This video has been removed by the uploader": gone for every client.</summary>
    Removed,

    /// <summary>OK, but every format has neither a url nor a signatureCipher: SABR-only streaming (most 2026 ANDROID and WEB answers).</summary>
    SabrOnly,

    /// <summary>OK and <c>videoDetails.isLive</c>: a live stream, its formats with URLs but without contentLength.</summary>
    Live,

    /// <summary>Made for kids: UNPLAYABLE to VISIONOS (and the mobile clients), playable on web_embedded and tv_downgraded.</summary>
    MadeForKids,
}

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

    /// <summary>Made for kids: UNPLAYABLE to VISIONOS (and the mobile clients), playable on web_embedded and tv_downgraded.</summary>
    MadeForKids,
}

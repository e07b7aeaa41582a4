namespace MusicDl.Fakes.YouTubeMedia;

/// <summary>How the player answer announces its pre-roll ad (the shapes yt-dlp reads).</summary>
public enum FakeAdShape
{
    /// <summary>adPlacements[] kind AD_PLACEMENT_KIND_START, length_seconds in the ad's playerVars.</summary>
    Placement,

    /// <summary>adSlots[] triggered SLOT_TRIGGER_EVENT_BEFORE_CONTENT, length_seconds in the ad's playerVars.</summary>
    Slot,

    /// <summary>adPlacements[] whose ad gives only skipOffsetMilliseconds.</summary>
    SkipOffsetOnly,

    /// <summary>adPlacements[] whose ad gives no length at all.</summary>
    NoLength,
}

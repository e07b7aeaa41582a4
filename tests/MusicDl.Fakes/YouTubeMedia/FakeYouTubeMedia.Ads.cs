using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace MusicDl.Fakes.YouTubeMedia;

/// <summary>
/// The pre-roll ads of the fake: each answer with an ad opens a window (keyed by the <c>ei</c> of its media URLs)
/// during which the media route answers 403, as YouTube does.
/// </summary>
public sealed partial class FakeYouTubeMedia
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _adWindows = new(StringComparer.Ordinal);
    private int _mediaRequestsInAdWindow;
    private long _answers;

    /// <summary>Serve a pre-roll ad of this length before every video (a video's own <see cref="FakeVideo.PreRoll"/> wins).</summary>
    public TimeSpan? PreRollOnEveryVideo { get; set; }

    /// <summary>Media requests that arrived while an ad was still playing (each answered 403).</summary>
    public int MediaRequestsInAdWindow => Volatile.Read(ref _mediaRequestsInAdWindow);

    /// <summary>
    /// Runs as a media request is refused inside an ad window, before the 403 goes out: a test moves its clock there
    /// to have the refusal reach the client late, as it does on a loaded machine.
    /// </summary>
    public Action? OnAdWindowRefusal { get; set; }

    private string OpenAdWindow(FakePreRoll ad)
    {
        var ei = "ad" + Interlocked.Increment(ref _answers).ToString(CultureInfo.InvariantCulture);
        _adWindows[ei] = Time.GetUtcNow() + ad.Length;
        return ei;
    }

    private bool InAdWindow(string? ei) =>
        ei is not null && _adWindows.TryGetValue(ei, out var end) && Time.GetUtcNow() < end;

    // The shapes yt-dlp reads: an adPlacements START placement or an adSlots BEFORE_CONTENT slot holding the ad.
    private static void WriteAd(Utf8JsonWriter w, FakePreRoll ad)
    {
        var seconds = ((int)Math.Ceiling(ad.Length.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        if (ad.Shape == FakeAdShape.Slot)
        {
            w.WriteStartArray("adSlots");
            w.WriteStartObject();
            w.WriteStartObject("adSlotRenderer");
            w.WriteStartObject("adSlotMetadata");
            w.WriteString("slotId", "0:1767369055:0:0");
            w.WriteString("slotType", "SLOT_TYPE_PLAYER_BYTES");
            w.WriteString("triggerEvent", "SLOT_TRIGGER_EVENT_BEFORE_CONTENT");
            w.WriteNumber("slotPhysicalPosition", 1);
            w.WriteEndObject();
            w.WriteStartObject("fulfillmentContent");
            w.WriteStartObject("fulfilledLayout");
            w.WriteStartObject("playerBytesAdLayoutRenderer");
            w.WriteStartObject("renderingContent");
            WriteVideoAd(w, ad, seconds);
            w.WriteEndObject(); // renderingContent
            w.WriteEndObject(); // playerBytesAdLayoutRenderer
            w.WriteEndObject(); // fulfilledLayout
            w.WriteEndObject(); // fulfillmentContent
            w.WriteEndObject(); // adSlotRenderer
            w.WriteEndObject();
            w.WriteEndArray();
            return;
        }

        w.WriteStartArray("adPlacements");
        w.WriteStartObject();
        w.WriteStartObject("adPlacementRenderer");
        w.WriteStartObject("config");
        w.WriteStartObject("adPlacementConfig");
        w.WriteString("kind", "AD_PLACEMENT_KIND_START");
        w.WriteStartObject("adTimeOffset");
        w.WriteString("offsetStartMilliseconds", "0");
        w.WriteString("offsetEndMilliseconds", "-1");
        w.WriteEndObject();
        w.WriteBoolean("hideCueRangeMarker", true);
        w.WriteEndObject(); // adPlacementConfig
        w.WriteEndObject(); // config
        w.WriteStartObject("renderer");
        w.WriteStartObject("linearAdSequenceRenderer");
        w.WriteStartArray("linearAds");
        w.WriteStartObject();
        WriteVideoAd(w, ad, seconds);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject(); // linearAdSequenceRenderer
        w.WriteEndObject(); // renderer
        w.WriteString("adSlotLoggingData", "CAEQAhgBKAA=");
        w.WriteEndObject(); // adPlacementRenderer
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static void WriteVideoAd(Utf8JsonWriter w, FakePreRoll ad, string seconds)
    {
        w.WriteStartObject("instreamVideoAdRenderer");
        var playerVars = ad.Shape is FakeAdShape.Placement or FakeAdShape.Slot
            ? $"video_id=adVideo0001&length_seconds={seconds}&ad_type=video&cta_conversion_urls=x"
            : "video_id=adVideo0001&ad_type=video";
        w.WriteString("playerVars", playerVars);
        if (ad.Shape == FakeAdShape.SkipOffsetOnly)
        {
            w.WriteNumber("skipOffsetMilliseconds", (long)ad.Length.TotalMilliseconds);
        }

        w.WriteString("adLayoutLoggingData", "CAEQAhgB");
        w.WriteEndObject();
    }
}

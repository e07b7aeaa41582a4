using System.Globalization;
using System.Text.Json;

namespace MusicDl.YouTube.Player;

/// <summary>
/// Finds a pre-roll ad in a player answer, as yt-dlp does: <c>adPlacements</c> of kind <c>AD_PLACEMENT_KIND_START</c>
/// or <c>adSlots</c> triggered <c>SLOT_TRIGGER_EVENT_BEFORE_CONTENT</c>, whose <c>instreamVideoAdRenderer</c>s give
/// the length (<c>length_seconds</c> in <c>playerVars</c>, else <c>skipOffsetMilliseconds</c>); a pod's ads add up.
/// </summary>
internal static class PreRollAdParser
{
    public static PreRollAd? Find(JsonElement root)
    {
        var renderers = new List<JsonElement>();
        var found = false;
        foreach (var placement in Items(root, "adPlacements"))
        {
            if (placement.TryGetProperty("adPlacementRenderer", out var r)
                && Str(Path(r, "config", "adPlacementConfig"), "kind") == "AD_PLACEMENT_KIND_START")
            {
                found = true;
                Collect(r, renderers);
            }
        }

        foreach (var slot in Items(root, "adSlots"))
        {
            if (slot.TryGetProperty("adSlotRenderer", out var r)
                && Str(Path(r, "adSlotMetadata"), "triggerEvent") == "SLOT_TRIGGER_EVENT_BEFORE_CONTENT")
            {
                found = true;
                Collect(r, renderers);
            }
        }

        if (!found)
        {
            return null;
        }

        var lengths = renderers.Select(Length).ToList();
        return new PreRollAd(lengths.Count > 0 && lengths.All(l => l is not null) ? lengths.Aggregate(TimeSpan.Zero, (a, l) => a + l!.Value) : null);
    }

    private static TimeSpan? Length(JsonElement ad)
    {
        if (Str(ad, "playerVars") is { } vars)
        {
            foreach (var pair in vars.Split('&'))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0 && pair[..eq] == "length_seconds"
                    && double.TryParse(Uri.UnescapeDataString(pair[(eq + 1)..]), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0)
                {
                    return TimeSpan.FromSeconds(s);
                }
            }
        }

        if (ad.TryGetProperty("skipOffsetMilliseconds", out var skip))
        {
            if (skip.ValueKind == JsonValueKind.Number && skip.TryGetInt64(out var ms) && ms >= 0)
            {
                return TimeSpan.FromMilliseconds(ms);
            }

            if (skip.ValueKind == JsonValueKind.String && long.TryParse(skip.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var text))
            {
                return TimeSpan.FromMilliseconds(text);
            }
        }

        return null;
    }

    // The ad renderers sit at varying depths (linearAdSequenceRenderer.linearAds[], fulfilledLayout...): search them all.
    private static void Collect(JsonElement e, List<JsonElement> into)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    if (p.Name == "instreamVideoAdRenderer" && p.Value.ValueKind == JsonValueKind.Object)
                    {
                        into.Add(p.Value);
                    }
                    else
                    {
                        Collect(p.Value, into);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                {
                    Collect(item, into);
                }

                break;
        }
    }

    private static IEnumerable<JsonElement> Items(JsonElement root, string name) =>
        root.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray() : [];

    private static JsonElement Path(JsonElement e, params string[] names)
    {
        foreach (var name in names)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out e))
            {
                return default;
            }
        }

        return e;
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

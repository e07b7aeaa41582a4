using System.Globalization;
using System.Text.Json;

namespace MusicDl.YouTube.Player;

/// <summary>Reads playabilityStatus and the audio adaptive formats of a player answer.</summary>
internal static class PlayerResponseParser
{
    public static PlayerResponse Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("The player answer is not a JSON object.");
        }

        // Without a playabilityStatus the answer is not a player answer at all (an error page, another shape): the
        // service's fault, never a verdict on the video.
        if (!root.TryGetProperty("playabilityStatus", out var ps) || ps.ValueKind != JsonValueKind.Object || Str(ps, "status") is not { } status)
        {
            throw new JsonException("The player answer has no playabilityStatus.");
        }

        var reason = Str(ps, "reason") ?? SubReason(ps);
        var sessionLimited = IsSessionLimit(reason) || IsSessionLimit(SubReason(ps))
            || (ps.TryGetProperty("errorScreen", out var screen) && screen.ValueKind == JsonValueKind.Object && screen.TryGetProperty("playerCaptchaViewModel", out _));

        TimeSpan? duration = null;
        var isLive = false;
        if (root.TryGetProperty("videoDetails", out var details) && details.ValueKind == JsonValueKind.Object)
        {
            if (Long(details, "lengthSeconds") is { } seconds)
            {
                duration = TimeSpan.FromSeconds(seconds);
            }

            isLive = details.TryGetProperty("isLive", out var live) && live.ValueKind == JsonValueKind.True;
        }

        var streams = new List<AudioStreamInfo>();
        if (root.TryGetProperty("streamingData", out var sd) && sd.TryGetProperty("adaptiveFormats", out var formats) && formats.ValueKind == JsonValueKind.Array)
        {
            foreach (var f in formats.EnumerateArray())
            {
                if (ParseFormat(f) is { } stream)
                {
                    streams.Add(stream);
                }
            }
        }

        return new PlayerResponse(status, reason, streams) { Duration = duration, IsLive = isLive, VisitorData = VisitorData(root), SessionLimited = sessionLimited, PreRoll = PreRollAdParser.Find(root) };
    }

    private static string? VisitorData(JsonElement root) =>
        root.TryGetProperty("responseContext", out var context) && Str(context, "visitorData") is { Length: > 0 } value ? value : null;

    // YouTube's session limit (about an hour, whatever the status); we ask hl=en, so the English text is what comes.
    private static bool IsSessionLimit(string? reason) =>
        reason is not null && reason.Contains("try again later", StringComparison.OrdinalIgnoreCase);

    private static AudioStreamInfo? ParseFormat(JsonElement f)
    {
        var mime = Str(f, "mimeType");
        if (mime is null || !mime.StartsWith("audio/", StringComparison.OrdinalIgnoreCase) || !f.TryGetProperty("itag", out var itagEl) || !itagEl.TryGetInt32(out var itag))
        {
            return null;
        }

        Uri? url = null;
        if (Str(f, "url") is { } u && Uri.TryCreate(u, UriKind.Absolute, out var parsed))
        {
            url = parsed;
        }

        var ms = Long(f, "approxDurationMs");
        return new AudioStreamInfo
        {
            Itag = itag,
            Url = url,
            HasSignatureCipher = f.TryGetProperty("signatureCipher", out _) || f.TryGetProperty("cipher", out _),
            MimeType = mime,
            Bitrate = (int)(Long(f, "bitrate") ?? 0),
            AverageBitrate = Long(f, "averageBitrate") is { } avg ? (int)avg : null,
            ContentLength = Long(f, "contentLength"),
            ApproxDuration = ms is { } m ? TimeSpan.FromMilliseconds(m) : null,
            AudioQuality = Str(f, "audioQuality"),
            IsDrc = f.TryGetProperty("isDrc", out var drc) && drc.ValueKind == JsonValueKind.True,
            IsDefaultAudioTrack = !f.TryGetProperty("audioTrack", out var track) || !track.TryGetProperty("audioIsDefault", out var isDefault) || isDefault.ValueKind != JsonValueKind.False,
            AudioSampleRate = Long(f, "audioSampleRate") is { } sr ? (int)sr : null,
            AudioChannels = Long(f, "audioChannels") is { } ch ? (int)ch : null,
        };
    }

    private static string? SubReason(JsonElement ps)
    {
        // Some answers put the text only in errorScreen.playerErrorMessageRenderer.reason.simpleText or runs.
        if (ps.TryGetProperty("errorScreen", out var screen) && screen.ValueKind == JsonValueKind.Object
            && screen.TryGetProperty("playerErrorMessageRenderer", out var r) && r.ValueKind == JsonValueKind.Object && r.TryGetProperty("reason", out var text))
        {
            if (Str(text, "simpleText") is { } simple)
            {
                return simple;
            }

            if (text.TryGetProperty("runs", out var runs) && runs.ValueKind == JsonValueKind.Array)
            {
                return string.Concat(runs.EnumerateArray().Select(run => Str(run, "text")));
            }
        }

        return null;
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    // InnerTube writes 64-bit numbers as strings ("contentLength": "3461257") and small ones as numbers.
    private static long? Long(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.Number when v.TryGetInt64(out var n) => n,
            JsonValueKind.String when long.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) => s,
            _ => null,
        };
    }
}

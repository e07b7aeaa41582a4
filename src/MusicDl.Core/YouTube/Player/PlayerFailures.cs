namespace MusicDl.YouTube.Player;

/// <summary>Maps playabilityStatus to a classified failure, and folds the failures of several clients into one.</summary>
public static class PlayerFailures
{
    /// <summary>Null when the status is OK.</summary>
    public static PlayerFailure? FromStatus(string videoId, string client, string status, string? reason)
    {
        var why = string.IsNullOrWhiteSpace(reason) ? "" : $": {reason}";

        // Reasons are read only to tell bot checks and age gates apart; we request hl=en, and a miss falls back to LoginRequired.
        var text = reason ?? "";
        var kind = status switch
        {
            "OK" => (PlayerFailureKind?)null,
            "UNPLAYABLE" or "LIVE_STREAM_OFFLINE" => PlayerFailureKind.Unplayable,
            "ERROR" => PlayerFailureKind.Unavailable,
            "AGE_CHECK_REQUIRED" or "AGE_VERIFICATION_REQUIRED" or "CONTENT_CHECK_REQUIRED" => PlayerFailureKind.AgeRestricted,
            "LOGIN_REQUIRED" when text.Contains("bot", StringComparison.OrdinalIgnoreCase) => PlayerFailureKind.BotCheck,
            "LOGIN_REQUIRED" when text.Contains("age", StringComparison.OrdinalIgnoreCase) => PlayerFailureKind.AgeRestricted,
            "LOGIN_REQUIRED" when text.Contains("private", StringComparison.OrdinalIgnoreCase) => PlayerFailureKind.Unavailable,
            "LOGIN_REQUIRED" => PlayerFailureKind.LoginRequired,
            _ => PlayerFailureKind.ServiceError,
        };
        if (kind is not { } k)
        {
            return null;
        }

        var message = k switch
        {
            PlayerFailureKind.Unplayable => $"video {videoId} is unplayable{why}",
            PlayerFailureKind.Unavailable => $"video {videoId} is unavailable{why}",
            PlayerFailureKind.AgeRestricted => $"video {videoId} is age-restricted; pass cookies of a signed-in account (ytdlp_cookies){why}",
            PlayerFailureKind.BotCheck => $"YouTube asks to confirm this is not a bot (client {client}); try later or pass cookies (ytdlp_cookies)",
            PlayerFailureKind.LoginRequired => $"YouTube wants a signed-in account for video {videoId} (client {client}){why}",
            _ => $"the player answered an unknown status '{status}' for video {videoId} (client {client}){why}",
        };
        return new PlayerFailure(k, videoId, client, message) { Reason = reason, Conclusive = k is PlayerFailureKind.Unavailable or PlayerFailureKind.Unplayable && SaysGone(reason) };
    }

    /// <summary>
    /// Whether a reason says the video is gone for everyone (removed, private, deleted, a terminated account). Plain
    /// "Video unavailable" does not: made-for-kids and embed-restricted videos answer so to VISIONOS and play elsewhere.
    /// </summary>
    public static bool SaysGone(string? reason) =>
        reason is not null && GoneWords.Any(w => reason.Contains(w, StringComparison.OrdinalIgnoreCase));

    private static readonly string[] GoneWords = ["removed", "private", "deleted", "terminated"];

    /// <summary>
    /// One failure for a video from every client's: about the track only when every client said so (a bot check on
    /// one client says nothing about what the others would have seen); otherwise the most telling other failure.
    /// </summary>
    public static PlayerFailure Combine(string videoId, IReadOnlyList<PlayerFailure> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        if (failures.Count == 0)
        {
            return new PlayerFailure(PlayerFailureKind.ServiceError, videoId, null, $"no YouTube player client is configured for video {videoId} (youtube_clients is empty)");
        }

        if (failures.All(f => f.IsAboutTrack))
        {
            return failures.FirstOrDefault(f => f.Kind == PlayerFailureKind.Unavailable) ?? failures[0];
        }

        PlayerFailureKind[] order =
        [
            PlayerFailureKind.BotCheck, PlayerFailureKind.Forbidden, PlayerFailureKind.AdWindow, PlayerFailureKind.AgeRestricted, PlayerFailureKind.LoginRequired,
            PlayerFailureKind.NoUsableStream, PlayerFailureKind.DownloadFailed, PlayerFailureKind.ServiceError,
        ];
        return failures.Where(f => !f.IsAboutTrack).OrderBy(f => Array.IndexOf(order, f.Kind) is var i && i < 0 ? int.MaxValue : i).First();
    }
}

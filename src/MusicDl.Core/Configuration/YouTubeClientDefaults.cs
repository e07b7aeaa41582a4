namespace MusicDl.Configuration;

/// <summary>
/// The built-in player clients. The default is <c>visionos</c> alone, field for field as yt-dlp 2026.08.19 sends it:
/// the only client that needs neither a PO token nor the player JavaScript (docs/audio.md). The retired ones still
/// load by name, with a warning, so old configs keep working while saying why they no longer help.
/// </summary>
public static class YouTubeClientDefaults
{
    public static YouTubeClientSettings VisionOs { get; } = new()
    {
        Name = "visionos",
        ClientName = "VISIONOS",
        ClientVersion = "1.02",
        ClientId = 101,
        DeviceMake = "Apple",
        DeviceModel = "RealityDevice17,1",
        OsName = "visionOS",
        OsVersion = "26.5.23O471",
        TimeZone = "UTC",
        UtcOffsetMinutes = 0,
        UserAgent = "Mozilla/5.0 (Macintosh; Intel Mac OS X 15_7_3) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.0 Safari/605.1.15",
    };

    public static IReadOnlyList<YouTubeClientSettings> All { get; } = [VisionOs];

    /// <summary>Clients that once worked, by built-in name: their settings and why they no longer do.</summary>
    public static IReadOnlyDictionary<string, (YouTubeClientSettings Client, string Why)> Retired { get; } =
        new Dictionary<string, (YouTubeClientSettings, string)>(StringComparer.OrdinalIgnoreCase)
        {
            ["tv_embedded"] = (
                new YouTubeClientSettings
                {
                    Name = "tv_embedded",
                    ClientName = "TVHTML5_SIMPLY_EMBEDDED_PLAYER",
                    ClientVersion = "2.0",
                    ClientId = 85,
                    ClientScreen = "EMBED",
                    UserAgent = "Mozilla/5.0 (ChromiumStylePlatform) Cobalt/Version",
                },
                "yt-dlp removed it as broken on 2026-01-31 (sign-in for every video, formats need the player JavaScript)"),
            ["android_vr"] = (
                new YouTubeClientSettings
                {
                    Name = "android_vr",
                    ClientName = "ANDROID_VR",
                    ClientVersion = "1.60.19",
                    ClientId = 28,
                    DeviceMake = "Oculus",
                    DeviceModel = "Quest 3",
                    OsName = "Android",
                    OsVersion = "12L",
                    AndroidSdkVersion = 32,
                    UserAgent = "com.google.android.apps.youtube.vr.oculus/1.60.19 (Linux; U; Android 12L; eureka-user Build/SQ3A.220605.009.A1) gzip",
                },
                "YouTube answers 403 on every one of its formats since 2026-08-17"),
        };

    /// <summary>Why a client (by its InnerTube client name) no longer works, or null.</summary>
    public static string? WhyRetired(YouTubeClientSettings client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return Retired.Values.FirstOrDefault(r => string.Equals(r.Client.ClientName, client.ClientName, StringComparison.OrdinalIgnoreCase)).Why;
    }
}

namespace MusicDl.Configuration;

/// <summary>
/// Default player clients, in order of preference (yt-dlp's INNERTUBE_CLIENTS as of late 2026).
/// Overridable with <c>youtube_clients</c> because YouTube changes which ones work.
/// </summary>
public static class YouTubeClientDefaults
{
    public static IReadOnlyList<YouTubeClientSettings> All { get; } =
    [
        new()
        {
            Name = "visionos",
            ClientName = "VISIONOS",
            ClientVersion = "1.02",
            ClientId = 101,
            DeviceMake = "Apple",
            DeviceModel = "RealityDevice17,1",
            OsName = "visionOS",
            OsVersion = "1.3.21O771",
            UserAgent = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
        },
        new()
        {
            Name = "tv_embedded",
            ClientName = "TVHTML5_SIMPLY_EMBEDDED_PLAYER",
            ClientVersion = "2.0",
            ClientId = 85,
            ClientScreen = "EMBED",
            UserAgent = "Mozilla/5.0 (ChromiumStylePlatform) Cobalt/Version",
        },
        new()
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
    ];
}

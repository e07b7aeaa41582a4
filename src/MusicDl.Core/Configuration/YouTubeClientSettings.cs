namespace MusicDl.Configuration;

/// <summary>One InnerTube player client, as yt-dlp's INNERTUBE_CLIENTS describes it. Kept in configuration because YouTube changes them.</summary>
public sealed record YouTubeClientSettings
{
    public required string Name { get; init; }

    public required string ClientName { get; init; }

    public required string ClientVersion { get; init; }

    /// <summary>The numeric client id sent as X-YouTube-Client-Name.</summary>
    public int ClientId { get; init; }

    public string? UserAgent { get; init; }

    public string? DeviceMake { get; init; }

    public string? DeviceModel { get; init; }

    public string? OsName { get; init; }

    public string? OsVersion { get; init; }

    public int? AndroidSdkVersion { get; init; }

    public string? ClientScreen { get; init; }
}

namespace MusicDl.Configuration;

/// <summary>
/// One InnerTube player client, as yt-dlp's INNERTUBE_CLIENTS describes it: every field of its client context, its
/// user agent, numeric id and extra headers. Kept in configuration because YouTube changes them (docs/audio.md).
/// </summary>
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

    /// <summary>context.client.timeZone ("UTC").</summary>
    public string? TimeZone { get; init; }

    /// <summary>context.client.utcOffsetMinutes.</summary>
    public int? UtcOffsetMinutes { get; init; }

    /// <summary>Any other context.client field, written as given (numbers and true/false as JSON numbers and booleans).</summary>
    public IReadOnlyDictionary<string, string> Context { get; init; } = None;

    /// <summary>Extra HTTP headers of the player request.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = None;

    // One shared empty map, so clients without extras compare equal as records.
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();
}

using System.Reflection;

namespace MusicDl.Configuration;

/// <summary>
/// Who musicdl is to the open services it asks (LRCLIB, MusicBrainz): both want a User-Agent naming the application,
/// its version and a contact URL, so they can reach the author instead of blocking the traffic.
/// </summary>
public static class ProductInfo
{
    public const string Name = "musicdl";

    public const string ProjectUrl = "https://github.com/musicdl/musicdl";

    public static string Version { get; } = ReadVersion();

    /// <summary>The form MusicBrainz documents: <c>app/version ( contact-url )</c>; LRCLIB accepts it too.</summary>
    public static string UserAgent { get; } = $"{Name}/{Version} ( {ProjectUrl} )";

    private static string ReadVersion()
    {
        var text = typeof(ProductInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return string.IsNullOrEmpty(text) ? "0.0.0" : text.Split('+')[0];
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using MusicDl.Models;

namespace MusicDl.Configuration;

/// <summary>
/// Parses setting values given as text, shared by the config file and the command line so both accept
/// and reject the same things. Each throws <see cref="ConfigException"/> whose message starts with the key.
/// </summary>
public static partial class SettingValues
{
    /// <summary>The audio providers musicdl knows, in the order they are tried by default.</summary>
    public static IReadOnlyList<string> KnownProviders { get; } = ["youtube-music", "youtube"];

    /// <summary>The value of <c>overrides</c> that excludes a track.</summary>
    public const string Skip = "skip";

    /// <summary>The market value meaning "the logged-in user's own".</summary>
    public const string FromToken = "from_token";

    public static AudioFormat ParseFormat(string text, string key = "format")
    {
        ArgumentNullException.ThrowIfNull(text);

        // Matched by name only: Enum.TryParse would also take "1" or "mp3,flac".
        foreach (var format in Enum.GetValues<AudioFormat>())
        {
            if (text.Trim().Equals(format.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return format;
            }
        }

        throw Error(key, $"unknown format '{text}'; expected one of {Names<AudioFormat>()}");
    }

    public static Bitrate ParseBitrate(string text, string key = "bitrate") =>
        Bitrate.TryParse(text, out var bitrate)
            ? bitrate
            : throw Error(key, $"bad bitrate '{text}'; expected auto, disable or 8k..512k (for example 128k)");

    /// <summary><c>skip</c>, <c>overwrite</c> (or its alias <c>force</c>) or <c>metadata</c>.</summary>
    public static OverwriteMode ParseOverwrite(string text, string key = "overwrite")
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim().ToLowerInvariant();
        return t switch
        {
            "skip" => OverwriteMode.Skip,
            "overwrite" or "force" => OverwriteMode.Overwrite,
            "metadata" => OverwriteMode.Metadata,
            _ => throw Error(key, $"unknown overwrite mode '{text}'; expected skip, overwrite (or force) or metadata"),
        };
    }

    /// <summary><c>embed</c>, <c>lrc</c>, <c>both</c> or <c>none</c>.</summary>
    public static SpotifyAccess ParseSpotifyAccess(string text, string key = "spotify_access")
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToLowerInvariant() switch
        {
            "auto" => SpotifyAccess.Auto,
            "api" => SpotifyAccess.Api,
            "public" => SpotifyAccess.Public,
            _ => throw Error(key, $"unknown Spotify access '{text}'; expected auto, api or public"),
        };
    }

    public static LyricsMode ParseLyrics(string text, string key = "lyrics")
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToLowerInvariant() switch
        {
            "embed" => LyricsMode.Embed,
            "lrc" => LyricsMode.Lrc,
            "both" => LyricsMode.Both,
            "none" => LyricsMode.None,
            _ => throw Error(key, $"unknown lyrics mode '{text}'; expected embed, lrc, both or none"),
        };
    }

    /// <summary><c>2.4</c> (the default, as Picard writes) or <c>2.3</c> (for old players).</summary>
    public static Id3Version ParseId3Version(string text, string key = "id3_version")
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToLowerInvariant() switch
        {
            "2.4" or "v2.4" => Id3Version.V24,
            "2.3" or "v2.3" => Id3Version.V23,
            _ => throw Error(key, $"unknown ID3 version '{text}'; expected \"2.4\" or \"2.3\""),
        };
    }

    /// <summary>How <c>config check</c> and config.example.yaml show the version: "2.4" or "2.3".</summary>
    public static string Id3VersionText(Id3Version version) => version == Id3Version.V23 ? "2.3" : "2.4";

    /// <summary>Provider names, given as a list or as one comma-separated string (<c>youtube-music,youtube</c>).</summary>
    public static IReadOnlyList<string> ParseProviders(IEnumerable<string> items, string key = "audio_providers")
    {
        ArgumentNullException.ThrowIfNull(items);
        var names = items.SelectMany(i => i.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(n => n.ToLowerInvariant())
            .ToList();
        if (names.FirstOrDefault(n => !KnownProviders.Contains(n)) is { } unknown)
        {
            throw Error(key, $"unknown audio provider '{unknown}'; expected {string.Join(" or ", KnownProviders)}");
        }

        return names.Count > 0 ? names.Distinct().ToArray() : throw Error(key, "needs at least one provider");
    }

    /// <summary>A two-letter country code (upper-cased), or null for <c>from_token</c> (the user's own, else US).</summary>
    public static string? ParseMarket(string text, string key = "market")
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.Length == 0 || t.Equals(FromToken, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return CountryCode().IsMatch(t)
            ? t.ToUpperInvariant()
            : throw Error(key, $"bad market '{text}'; expected a two-letter country code (US, DE) or from_token");
    }

    /// <summary>An overrides key: a Spotify track id, spotify:track URI or open.spotify.com track link, as the track id.</summary>
    public static string ParseOverrideTrack(string text, string key = "overrides")
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (SpotifyId.IsValid(t))
        {
            return t;
        }

        return SpotifyUrlParser.TryParse(t, out var source, out _) && source!.Kind == SourceKind.Track
            ? source.Id!
            : throw Error(key, $"'{text}' is not a Spotify track id, spotify:track URI or track link");
    }

    /// <summary>An overrides value: <c>skip</c>, an 11-character YouTube video id, or a watch / youtu.be link (as its id).</summary>
    public static string ParseOverrideTarget(string text, string key = "overrides")
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (t.Equals(Skip, StringComparison.OrdinalIgnoreCase))
        {
            return Skip;
        }

        if (VideoId().IsMatch(t))
        {
            return t;
        }

        var id = VideoIdFromLink(t);
        return id ?? throw Error(key, $"'{text}' is not a YouTube video id (11 characters), a YouTube link or skip");
    }

    internal static bool IsVideoId(string text) => VideoId().IsMatch(text);

    private static string? VideoIdFromLink(string text)
    {
        var withScheme = text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text;
        if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        string? candidate = null;
        if (host == "youtu.be")
        {
            candidate = uri.AbsolutePath.Trim('/');
        }
        else if (host is "youtube.com" or "www.youtube.com" or "music.youtube.com" or "m.youtube.com")
        {
            candidate = uri.AbsolutePath == "/watch" ? QueryValue(uri.Query, "v") : null;
        }

        return candidate is not null && VideoId().IsMatch(candidate) ? candidate : null;
    }

    private static string? QueryValue(string query, string name) =>
        query.TrimStart('?').Split('&')
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2 && p[0] == name)
            .Select(p => Uri.UnescapeDataString(p[1]))
            .FirstOrDefault();

    internal static string Names<TEnum>()
        where TEnum : struct, Enum =>
        string.Join(", ", Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()));

    private static ConfigException Error(string key, string message) => new($"{key}: {message}");

    [GeneratedRegex("^[A-Za-z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CountryCode();

    [GeneratedRegex("^[A-Za-z0-9_-]{11}$", RegexOptions.CultureInvariant)]
    private static partial Regex VideoId();
}

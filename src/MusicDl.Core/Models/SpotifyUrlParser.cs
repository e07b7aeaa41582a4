using System.Text.RegularExpressions;

namespace MusicDl.Models;

/// <summary>
/// Turns what people paste (open.spotify.com links, spotify: URIs, short links, <c>saved</c>) into a
/// <see cref="SpotifySource"/> before any network call; anything else is a <see cref="SourceParseException"/>.
/// </summary>
public static partial class SpotifyUrlParser
{
    private const string OpenHost = "open.spotify.com";

    private static readonly string[] ShortLinkHosts = ["spotify.link", "link.tospotify.com"];

    /// <summary>Parses one argument or throws <see cref="SourceParseException"/> with a one-line message naming it.</summary>
    public static SpotifySource Parse(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        var result = TryParse(argument, out var source, out var reason);
        return result ? source! : throw new SourceParseException(argument.Trim(), reason!);
    }

    /// <summary>Parses one argument; on failure <paramref name="reason"/> says what is wrong (without the accepted forms).</summary>
    public static bool TryParse(string? argument, out SpotifySource? source, out string? reason)
    {
        source = null;
        var text = argument?.Trim() ?? string.Empty;
        reason = Classify(text, ref source);
        return reason is null;
    }

    /// <summary>Whether <paramref name="uri"/> is on open.spotify.com (where a short link ends).</summary>
    public static bool IsOpenSpotify(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.Host.Equals(OpenHost, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The source an open.spotify.com address names (a short link resolved to it), remembered as
    /// <paramref name="original"/>, the text the user gave; null when the address names no source or is itself a short link.
    /// </summary>
    public static SpotifySource? TryParseOpenLink(Uri uri, string original)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return IsOpenSpotify(uri) && TryParse(uri.GetLeftPart(UriPartial.Path), out var source, out _) && source!.Kind != SourceKind.ShortLink
            ? source with { Original = original }
            : null;
    }

    /// <summary>The first open.spotify.com address of a source in an HTML page (some short links answer a page, not a redirect).</summary>
    public static Uri? FindOpenLink(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var match = OpenLinkInText().Match(html);
        return match.Success ? new Uri(match.Value) : null;
    }

    private static string? Classify(string text, ref SpotifySource? source)
    {
        if (text.Length == 0)
        {
            return "is empty";
        }

        if (text.Equals("saved", StringComparison.OrdinalIgnoreCase))
        {
            source = new SpotifySource(SourceKind.LikedSongs, null, text);
            return null;
        }

        if (text.StartsWith("spotify:", StringComparison.OrdinalIgnoreCase))
        {
            return ParseUri(text, ref source);
        }

        return ParseUrl(text, ref source);
    }

    // spotify:track:ID, spotify:collection:tracks, and the legacy spotify:user:NAME:playlist:ID / :collection.
    private static string? ParseUri(string text, ref SpotifySource? source)
    {
        var parts = text.Split(':');
        if (parts.Length >= 3 && parts[1].Equals("user", StringComparison.OrdinalIgnoreCase))
        {
            if (parts.Length == 4 && parts[3].Equals("collection", StringComparison.OrdinalIgnoreCase))
            {
                source = new SpotifySource(SourceKind.LikedSongs, null, text);
                return null;
            }

            if (parts.Length == 5)
            {
                return FromTypeAndId(parts[3], parts[4], text, ref source);
            }

            return "is a Spotify user, not a track, album, playlist or artist";
        }

        if (parts.Length == 3 && parts[1].Equals("collection", StringComparison.OrdinalIgnoreCase)
            && parts[2].Equals("tracks", StringComparison.OrdinalIgnoreCase))
        {
            source = new SpotifySource(SourceKind.LikedSongs, null, text);
            return null;
        }

        return parts.Length == 3
            ? FromTypeAndId(parts[1], parts[2], text, ref source)
            : "is not a spotify:{track|album|playlist|artist}:<id> URI";
    }

    private static string? ParseUrl(string text, ref SpotifySource? source)
    {
        // People paste links without the scheme; a bare word with no dot is a typo, not a host.
        var withScheme = text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text;
        if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !uri.Host.Contains('.', StringComparison.Ordinal))
        {
            return "is not a Spotify link";
        }

        var host = uri.Host.ToLowerInvariant();
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);

        if (ShortLinkHosts.Contains(host))
        {
            return ShortLink(uri, segments, ref source);
        }

        if (host != OpenHost)
        {
            return IsYouTube(host) ? "is a YouTube link, not a Spotify one" : $"is not a Spotify link (host {host})";
        }

        var rest = segments.AsSpan();
        if (rest.Length > 0 && IntlSegment().IsMatch(rest[0]))
        {
            rest = rest[1..];
        }

        if (rest.Length > 0 && rest[0].Equals("embed", StringComparison.OrdinalIgnoreCase))
        {
            rest = rest[1..];
        }

        if (rest.Length > 0 && rest[0].Equals("s", StringComparison.Ordinal))
        {
            return ShortLink(uri, rest.ToArray(), ref source);
        }

        if (rest.Length == 2 && rest[0].Equals("collection", StringComparison.OrdinalIgnoreCase)
            && rest[1].Equals("tracks", StringComparison.OrdinalIgnoreCase))
        {
            source = new SpotifySource(SourceKind.LikedSongs, null, text);
            return null;
        }

        // Legacy playlist links: /user/NAME/playlist/ID.
        if (rest.Length == 4 && rest[0].Equals("user", StringComparison.OrdinalIgnoreCase))
        {
            return FromTypeAndId(rest[2], rest[3], text, ref source);
        }

        if (rest.Length > 0 && rest[0].Equals("user", StringComparison.OrdinalIgnoreCase))
        {
            return "is a Spotify user page, not a track, album, playlist or artist";
        }

        return rest.Length == 2
            ? FromTypeAndId(rest[0], rest[1], text, ref source)
            : "is not a Spotify track, album, playlist or artist link";
    }

    private static string? ShortLink(Uri uri, string[] segments, ref SpotifySource? source)
    {
        var code = segments.Length > 0 && segments[0] == "s" ? segments.Skip(1) : segments;
        if (!code.Any())
        {
            return "is a short-link host without a link code";
        }

        // Kept as https so the resolver can follow the redirect.
        var builder = new UriBuilder(uri) { Scheme = Uri.UriSchemeHttps, Port = -1 };
        source = new SpotifySource(SourceKind.ShortLink, null, builder.Uri.AbsoluteUri);
        return null;
    }

    private static string? FromTypeAndId(string type, string id, string text, ref SpotifySource? source)
    {
        SourceKind? kind = type.ToLowerInvariant() switch
        {
            "track" => SourceKind.Track,
            "album" => SourceKind.Album,
            "playlist" => SourceKind.Playlist,
            "artist" => SourceKind.Artist,
            _ => null,
        };

        if (kind is null)
        {
            return type.ToLowerInvariant() switch
            {
                "episode" or "show" => "is a podcast, which musicdl does not download",
                "user" => "is a Spotify user page, not a track, album, playlist or artist",
                _ => $"names a Spotify '{type}', not a track, album, playlist or artist",
            };
        }

        if (!SpotifyId.IsValid(id))
        {
            return $"has a malformed id '{id}' (a Spotify id is 22 letters and digits)";
        }

        source = new SpotifySource(kind.Value, id, text);
        return null;
    }

    private static bool IsYouTube(string host) =>
        host is "youtu.be" || host == "youtube.com" || host.EndsWith(".youtube.com", StringComparison.Ordinal);

    [GeneratedRegex(@"https://open\.spotify\.com/(?:intl-[a-z]{2}(?:-[a-z]{2})?/)?(?:track|album|playlist|artist)/[A-Za-z0-9]{22}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OpenLinkInText();

    [GeneratedRegex("^intl-[a-z]{2}(-[a-z]{2})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IntlSegment();
}

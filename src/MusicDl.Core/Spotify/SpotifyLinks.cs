using System.Text.RegularExpressions;
using MusicDl.Models;

namespace MusicDl.Spotify;

/// <summary>Reads the open.spotify.com address a short link leads to.</summary>
internal static partial class SpotifyLinks
{
    public static bool IsOpenSpotify(Uri uri) => uri.Host.Equals("open.spotify.com", StringComparison.OrdinalIgnoreCase);

    /// <summary>open.spotify.com/[intl-xx/]{kind}/{id}; collection/tracks is Liked Songs.</summary>
    public static SpotifySource? TryParse(Uri uri, string original)
    {
        var match = OpenPath().Match(uri.AbsolutePath);
        if (!match.Success)
        {
            return null;
        }

        if (match.Groups["collection"].Success)
        {
            return new SpotifySource(SourceKind.LikedSongs, null, original);
        }

        var kind = match.Groups["kind"].Value.ToLowerInvariant() switch
        {
            "track" => SourceKind.Track,
            "album" => SourceKind.Album,
            "playlist" => SourceKind.Playlist,
            _ => SourceKind.Artist,
        };
        return new SpotifySource(kind, match.Groups["id"].Value, original);
    }

    /// <summary>The first open.spotify.com address in an HTML page (some short links answer a page, not a redirect).</summary>
    public static Uri? FindInPage(string html)
    {
        var match = OpenUrlInText().Match(html);
        return match.Success ? new Uri(match.Value) : null;
    }

    [GeneratedRegex(@"^/(?:intl-[a-z]{2}(?:-[a-z]{2})?/)?(?:(?<kind>track|album|playlist|artist)/(?<id>[A-Za-z0-9]{22})|(?<collection>collection/tracks))/?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OpenPath();

    [GeneratedRegex(@"https://open\.spotify\.com/(?:intl-[a-z]{2}(?:-[a-z]{2})?/)?(?:track|album|playlist|artist)/[A-Za-z0-9]{22}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OpenUrlInText();
}

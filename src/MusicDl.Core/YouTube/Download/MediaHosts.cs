using System.Net;
using MusicDl.Configuration;

namespace MusicDl.YouTube.Download;

/// <summary>
/// Where a media URL from a player answer may point: YouTube's media servers (https, <c>*.googlevideo.com</c>), or
/// the host of the configured YouTube endpoints when that is loopback (the fakes). A player answer is data from the
/// network; it must not send the downloader to any host it names.
/// </summary>
public static class MediaHosts
{
    private const string GoogleVideo = ".googlevideo.com";

    public static bool IsAllowed(Uri? url, Endpoints endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (url is null || !url.IsAbsoluteUri)
        {
            return false;
        }

        if (url.Scheme == Uri.UriSchemeHttps && url.Host.EndsWith(GoogleVideo, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IsLoopback(url) && new[] { endpoints.YouTube, endpoints.YouTubeMusic }
            .Any(e => IsLoopback(e) && string.Equals(e.Host, url.Host, StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}

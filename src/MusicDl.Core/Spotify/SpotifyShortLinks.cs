using MusicDl.Models;

namespace MusicDl.Spotify;

/// <summary>Short links (spotify.link, link.tospotify.com, open.spotify.com/s/...), read the same way by the Web API and the public page reader.</summary>
internal static class SpotifyShortLinks
{
    /// <summary>Follows a short link's redirects (by hand: the client never wanders off to other hosts) to the source it names.</summary>
    public static async Task<SpotifySource> ResolveAsync(SpotifyTransport transport, string link, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(link, UriKind.Absolute, out var current) || current.Scheme is not ("http" or "https"))
        {
            throw SpotifyFailure.Rejected($"'{link}' is not a web address.");
        }

        for (var hop = 0; hop < 6; hop++)
        {
            if (SpotifyUrlParser.IsOpenSpotify(current) && !current.AbsolutePath.StartsWith("/s/", StringComparison.Ordinal))
            {
                return SpotifyUrlParser.TryParseOpenLink(current, link)
                    ?? throw SpotifyFailure.Rejected($"The link {link} leads to {current.GetLeftPart(UriPartial.Path)}, which is no track, album, playlist, artist or Liked Songs.");
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            using var response = await transport.SendPlainAsync(request, cancellationToken).ConfigureAwait(false);
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                current = location.IsAbsoluteUri ? location : new Uri(current, location);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw SpotifyFailure.Rejected($"The short link {link} answered {(int)response.StatusCode}; open it in a browser and paste the open.spotify.com address.", (int)response.StatusCode);
            }

            // A handler that follows redirects by itself ends on the open.spotify.com page.
            if (response.RequestMessage?.RequestUri is { } landed && SpotifyUrlParser.TryParseOpenLink(landed, link) is { } direct)
            {
                return direct;
            }

            var page = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            current = SpotifyUrlParser.FindOpenLink(page)
                ?? throw SpotifyFailure.Rejected($"The short link {link} leads to no Spotify address; open it in a browser and paste the open.spotify.com address.");
        }

        throw SpotifyFailure.Rejected($"The short link {link} redirects too often.");
    }
}

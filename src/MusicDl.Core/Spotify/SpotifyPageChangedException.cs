using MusicDl.Http;

namespace MusicDl.Spotify;

/// <summary>
/// A public page that is not the page musicdl knows (no <c>__NEXT_DATA__</c>, or JSON of another shape): Spotify
/// changed it, so every page would fail the same way. Never cached; counted as a fault of the service, not the source.
/// </summary>
public sealed class SpotifyPageChangedException : SpotifyException
{
    public SpotifyPageChangedException(string detail, Exception? inner = null)
        : base($"Spotify's public page has changed ({detail}); musicdl cannot read it. Update musicdl, or use the Web API (spotify_access: api with credentials; see docs/spotify.md).", ServiceFailureKind.Unparseable, inner, service: "Spotify's public pages")
    {
    }
}

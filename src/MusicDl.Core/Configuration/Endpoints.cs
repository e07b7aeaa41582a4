namespace MusicDl.Configuration;

/// <summary>Every base URL musicdl calls; each overridable by environment (README, "Advanced").</summary>
public sealed record Endpoints(Uri SpotifyApi, Uri SpotifyAccounts, Uri YouTubeMusic, Uri YouTube)
{
    public const string SpotifyApiVariable = "MUSICDL_SPOTIFY_API_URL";
    public const string SpotifyAccountsVariable = "MUSICDL_SPOTIFY_ACCOUNTS_URL";
    public const string YouTubeMusicVariable = "MUSICDL_YTMUSIC_URL";
    public const string YouTubeVariable = "MUSICDL_YOUTUBE_URL";
    public const string LrclibVariable = "MUSICDL_LRCLIB_URL";
    public const string MusicBrainzVariable = "MUSICDL_MUSICBRAINZ_URL";
    public const string SpotifyOpenVariable = "MUSICDL_SPOTIFY_OPEN_URL";

    public static Endpoints Default { get; } = new(
        new Uri("https://api.spotify.com/v1"),
        new Uri("https://accounts.spotify.com"),
        new Uri("https://music.youtube.com"),
        new Uri("https://www.youtube.com"));

    /// <summary>LRCLIB, the keyless lyrics database.</summary>
    public Uri Lrclib { get; init; } = new("https://lrclib.net");

    public Uri MusicBrainz { get; init; } = new("https://musicbrainz.org");

    /// <summary>Where Spotify's public embed pages are read (<c>/embed/{kind}/{id}</c>).</summary>
    public Uri SpotifyOpen { get; init; } = new("https://open.spotify.com");
}

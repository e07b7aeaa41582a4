using MusicDl.Fakes;
using MusicDl.Fakes.Spotify;
using MusicDl.Fakes.YouTubeMedia;
using MusicDl.Fakes.YouTubeMusic;
using MusicDl.Tests.Harness;

namespace MusicDl.Tests.EndToEnd;

/// <summary>
/// Every fake service on one loopback host (Spotify API and accounts, YouTube Music and YouTube search, player,
/// media), with helpers that make a Spotify album findable and downloadable, and a sandbox pointed at it all.
/// </summary>
public sealed class FakeWorld : IAsyncDisposable
{
    private FakeWorld(FakeHost host, FakeSpotify spotify, FakeYouTubeMusic music, FakeYouTubeMedia media)
    {
        Host = host;
        Spotify = spotify;
        Music = music;
        Media = media;
        Sandbox = new MusicDlSandbox();
        Sandbox.Environment["MUSICDL_SPOTIFY_API_URL"] = spotify.ApiBase.AbsoluteUri.TrimEnd('/');
        Sandbox.Environment["MUSICDL_SPOTIFY_ACCOUNTS_URL"] = spotify.AccountsBase.AbsoluteUri.TrimEnd('/');
        Sandbox.Environment["MUSICDL_YTMUSIC_URL"] = host.BaseUri.AbsoluteUri.TrimEnd('/');
        Sandbox.Environment["MUSICDL_YOUTUBE_URL"] = host.BaseUri.AbsoluteUri.TrimEnd('/');
        Sandbox.Environment["SPOTIFY_CLIENT_ID"] = spotify.ClientId;
        Sandbox.Environment["SPOTIFY_CLIENT_SECRET"] = spotify.ClientSecret;
        ConfigPath = Sandbox.WriteFile("musicdl.yaml", Config());
    }

    public FakeHost Host { get; }

    public FakeSpotify Spotify { get; }

    public FakeYouTubeMusic Music { get; }

    public FakeYouTubeMedia Media { get; }

    public MusicDlSandbox Sandbox { get; }

    public string ConfigPath { get; private set; }

    public int SearchRequests => Music.Requests.Count;

    public int PlayerRequests => Media.PlayerRoute.Count;

    public int MediaRequests => Media.MediaRoute.Count;

    public static async Task<FakeWorld> StartAsync()
    {
        var host = await FakeHost.StartAsync();
        var spotify = new FakeSpotify(host);
        var music = new FakeYouTubeMusic(host);
        var media = await FakeYouTubeMedia.StartAsync(host);
        return new FakeWorld(host, spotify, music, media);
    }

    /// <summary>The test config: m4a stream copy, the Spotify limiter raised, the library in the sandbox.</summary>
    public string Config(string extra = "") => $"""
        download:
          format: m4a
          bitrate: auto
          threads: 4
          output_dir: "{Sandbox.Library}"
          spotify_rate_limit_requests: 1000
          spotify_retry_base_delay: 0.05
        {extra}
        """;

    public void WriteConfig(string body) => ConfigPath = Sandbox.WriteFile("musicdl.yaml", body);

    /// <summary>An album whose every track YouTube Music finds by ISRC and the player serves.</summary>
    public FakeAlbum AddDownloadableAlbum(int tracks, string? name = null)
    {
        var album = Spotify.AddGeneratedAlbum(tracks, name);
        var artist = $"Artist {album.ArtistIds[0][^4..]}";
        foreach (var (track, i) in album.Tracks.Select((t, i) => (t, i)))
        {
            var videoId = $"v{album.Id[^5..]}{i:D5}".PadRight(11, 'x')[..11];
            Music.Add(new FakeSong
            {
                VideoId = videoId,
                Title = track.Name,
                Artists = [artist],
                Album = album.Name,
                Duration = TimeSpan.FromMilliseconds(track.DurationMs),
                Isrc = track.Isrc,
            });
            Media.AddVideo(videoId);
        }

        return album;
    }

    public Task<MusicDlResult> RunAsync(params string[] args) => Sandbox.RunAsync(["--config", ConfigPath, .. args]);

    public async ValueTask DisposeAsync()
    {
        Sandbox.Dispose();
        await Host.DisposeAsync();
    }
}

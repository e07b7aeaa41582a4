using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using MusicDl.Fakes;
using MusicDl.Fakes.Lrclib;
using MusicDl.Fakes.MusicBrainz;
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
        Lrclib = new FakeLrclib(host);
        MusicBrainz = new FakeMusicBrainz(host);
        Sandbox = new MusicDlSandbox();
        Sandbox.Environment["MUSICDL_SPOTIFY_API_URL"] = spotify.ApiBase.AbsoluteUri.TrimEnd('/');
        Sandbox.Environment["MUSICDL_SPOTIFY_ACCOUNTS_URL"] = spotify.AccountsBase.AbsoluteUri.TrimEnd('/');
        Sandbox.Environment["MUSICDL_YTMUSIC_URL"] = host.BaseUri.AbsoluteUri.TrimEnd('/');
        Sandbox.Environment["MUSICDL_YOUTUBE_URL"] = host.BaseUri.AbsoluteUri.TrimEnd('/');
        Sandbox.Environment["MUSICDL_LRCLIB_URL"] = host.BaseUri.AbsoluteUri.TrimEnd('/');
        Sandbox.Environment["MUSICDL_MUSICBRAINZ_URL"] = host.BaseUri.AbsoluteUri.TrimEnd('/');
        Sandbox.Environment["MUSICDL_SPOTIFY_OPEN_URL"] = host.BaseUri.AbsoluteUri.TrimEnd('/');
        Sandbox.Environment["SPOTIFY_CLIENT_ID"] = spotify.ClientId;
        Sandbox.Environment["SPOTIFY_CLIENT_SECRET"] = spotify.ClientSecret;
        ConfigPath = Sandbox.WriteFile("musicdl.yaml", Config());
    }

    public FakeHost Host { get; }

    public FakeSpotify Spotify { get; }

    public FakeYouTubeMusic Music { get; }

    public FakeYouTubeMedia Media { get; }

    public FakeLrclib Lrclib { get; }

    public FakeMusicBrainz MusicBrainz { get; }

    public MusicDlSandbox Sandbox { get; }

    /// <summary>
    /// The clock of in-process runs and of the fakes' ad windows: waits fire at once, a request's deadline when a fake
    /// holds it for good. Null for runs of the binary (the system's clock).
    /// </summary>
    public DrivenClock? Clock { get; private set; }

    public string ConfigPath { get; private set; }

    public int SearchRequests => Music.Requests.Count;

    public int PlayerRequests => Media.PlayerRoute.Count;

    public int MediaRequests => Media.MediaRoute.Count;

    /// <summary>
    /// Starts the fakes and a sandbox pointed at them. <paramref name="inProcess"/>: the sandbox's runs go through
    /// <c>CliApp</c> in this process (MusicDlSandbox.InProcess), for tests whose subject is not the process itself,
    /// on a <see cref="DrivenClock"/> unless <paramref name="drivenClock"/> is false (a run whose waits are spent
    /// where no clock of ours sees them, such as SQLite's own busy wait).
    /// </summary>
    public static async Task<FakeWorld> StartAsync(bool inProcess = false, bool drivenClock = true)
    {
        var host = await FakeHost.StartAsync();
        var spotify = new FakeSpotify(host);
        var music = new FakeYouTubeMusic(host);
        var media = await FakeYouTubeMedia.StartAsync(host);
        var world = new FakeWorld(host, spotify, music, media);
        world.Sandbox.InProcess = inProcess;
        if (inProcess && drivenClock)
        {
            world.Clock = new DrivenClock();
            world.Sandbox.Clock = world.Clock;
            media.Time = world.Clock;
            host.OnNeverAnswering = context => DrivenClock.Holding(context.Request.Headers.TraceParent);
        }

        return world;
    }

    /// <summary>
    /// The test config: m4a stream copy, the Spotify limiter raised, the library in the sandbox, and a yt-dlp path
    /// that does not exist, so a yt-dlp installed on this machine never joins a run against the fakes.
    /// </summary>
    public string Config(string extra = "") => $"""
        download:
          format: m4a
          bitrate: auto
          threads: 4
          output_dir: "{Sandbox.Library}"
          ytdlp_path: "{Path.Combine(Sandbox.Root, "no-yt-dlp")}"
          spotify_rate_limit_requests: 1000
          spotify_retry_base_delay: 0.05
        {extra}
        """;

    public void WriteConfig(string body) => ConfigPath = Sandbox.WriteFile("musicdl.yaml", body);

    /// <summary>As a new user: no Spotify app, no login; runs read Spotify's public pages.</summary>
    public void RemoveSpotifyCredentials()
    {
        Sandbox.Environment.Remove("SPOTIFY_CLIENT_ID");
        Sandbox.Environment.Remove("SPOTIFY_CLIENT_SECRET");
    }

    /// <summary>An album whose every track YouTube Music finds by ISRC and the player serves.</summary>
    public FakeAlbum AddDownloadableAlbum(int tracks, string? name = null)
    {
        var album = Spotify.AddGeneratedAlbum(tracks, name);
        var artist = $"Artist {album.ArtistIds[0][^4..]}";
        foreach (var (track, i) in album.Tracks.Select((t, i) => (t, i)))
        {
            var videoId = VideoIdOf(album, i);
            Music.Add(FakeSong.Of(track, album, artist, videoId));
            Media.AddVideo(videoId);
        }

        return album;
    }

    /// <summary>
    /// A downloadable album whose every track LRCLIB has synced lyrics for (<paramref name="synced"/> plus the track's
    /// index) and MusicBrainz knows by ISRC (recording <c>rec-{index}</c> on the album's release).
    /// </summary>
    public FakeAlbum AddDownloadableAlbumWithExtras(int tracks, string synced)
    {
        var album = AddDownloadableAlbum(tracks);
        var artist = $"Artist {album.ArtistIds[0][^4..]}";
        foreach (var (track, i) in album.Tracks.Select((t, i) => (t, i)))
        {
            Lrclib.Add(new FakeLyrics(track.Name, artist, album.Name, track.DurationMs / 1000.0) { SyncedLyrics = synced + i });
            MusicBrainz.Add(track.Isrc!, new FakeMbRecording($"rec-{i}", track.Name, track.DurationMs)
            {
                Artists = [new FakeMbArtist("artist-mbid", artist)],
                Releases = [new FakeMbRelease("release-mbid", album.Name, "group-mbid")],
            });
        }

        return album;
    }

    /// <summary>
    /// A playlist of <paramref name="count"/> entries whose tracks are all findable and downloadable; with
    /// <paramref name="withOddities"/> a local file at 3, an episode at 5, a removed entry at 7, the first track again at 9.
    /// </summary>
    public (FakePlaylist Playlist, FakeAlbum Album) AddDownloadablePlaylist(int count, bool withOddities = true, FakePlaylistAccess access = FakePlaylistAccess.Anyone)
    {
        var album = AddDownloadableAlbum(count);
        var entries = album.Tracks.Select(t => FakeEntry.Track(t.Id)).ToList();
        if (withOddities)
        {
            entries[2] = FakeEntry.Local("my-bootleg.mp3");
            entries[4] = FakeEntry.Episode("Podcast episode 12");
            entries[6] = FakeEntry.Removed();
            entries[8] = FakeEntry.Track(album.Tracks[0].Id);
        }

        var playlist = Spotify.AddPlaylist(new FakePlaylist(FakeSpotifyIds.Next("pl"), $"Playlist {count}", Spotify.UserId, entries) { Access = access });
        return (playlist, album);
    }

    /// <summary>The video the album's track at <paramref name="index"/> is served as (see <see cref="AddDownloadableAlbum"/>).</summary>
    public static string VideoIdOf(FakeAlbum album, int index) => $"v{album.Id[^5..]}{index:D5}".PadRight(11, 'x')[..11];

    public static string PlaylistUrl(FakePlaylist playlist) => $"https://open.spotify.com/playlist/{playlist.Id}";

    public static string AlbumUrl(FakeAlbum album) => $"https://open.spotify.com/album/{album.Id}";

    /// <summary>
    /// Logs the sandbox in as the fake user, as `auth login` would leave it: runs the PKCE grant against the fake
    /// accounts service and saves the refresh token it issued in the login file. Returns the tokens issued.
    /// </summary>
    public async Task<(string Access, string Refresh)> SeedUserLoginAsync()
    {
        var verifier = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        const string redirect = "http://127.0.0.1:8888/callback";
        const string scope = "playlist-read-private playlist-read-collaborative user-library-read user-read-private";
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var authorize = Host.Url($"/authorize?client_id={Spotify.ClientId}&response_type=code&code_challenge_method=S256&code_challenge={challenge}&redirect_uri={Uri.EscapeDataString(redirect)}&scope={Uri.EscapeDataString(scope)}&state=s1");
        using var redirected = await http.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Found, redirected.StatusCode);
        var code = System.Web.HttpUtility.ParseQueryString(redirected.Headers.Location!.Query)["code"]!;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirect,
            ["client_id"] = Spotify.ClientId,
            ["code_verifier"] = verifier,
        });
        using var answer = await http.PostAsync(Host.Url("/api/token"), form);
        answer.EnsureSuccessStatusCode();
        var token = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
        var refresh = token["refresh_token"]!.GetValue<string>();
        var saved = new JsonObject { ["client_id"] = Spotify.ClientId, ["refresh_token"] = refresh, ["scope"] = scope };
        var path = Sandbox.WriteFile(Path.Combine("config", "musicdl", $"spotify-login-{Spotify.ClientId}.json"), saved.ToJsonString());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return (token["access_token"]!.GetValue<string>(), refresh);
    }

    /// <summary>Media requests the fake answered for one video (the media URL names it as id=).</summary>
    public int MediaRequestsFor(string videoId) =>
        Host.Log.Count(l => l.StartsWith("GET " + FakeYouTubeMedia.MediaPath + "?", StringComparison.Ordinal) && l.Contains($"&id={videoId}&", StringComparison.Ordinal));

    public string StateDatabase(string? library = null) => Path.Combine(library ?? Sandbox.Library, ".musicdl", "state.db");

    public string CacheDatabase => Path.Combine(Sandbox.CacheHome, "musicdl", "cache.db");

    /// <summary>Temporary files musicdl leaves while a track is in flight (hidden .musicdl-*.part and its .src).</summary>
    public static IReadOnlyList<string> PartFiles(string library) =>
        Directory.EnumerateFiles(library, ".musicdl-*", SearchOption.AllDirectories).ToList();

    /// <summary>The audio files under a library folder (musicdl's own .musicdl folder aside).</summary>
    public static IReadOnlyList<string> AudioFiles(string library, string extension = ".m4a") =>
        Directory.EnumerateFiles(library, "*" + extension, SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static string IntegrityCheck(string database)
    {
        Assert.True(File.Exists(database), database);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }

    public Task<MusicDlResult> RunAsync(params string[] args) => Sandbox.RunAsync(["--config", ConfigPath, .. args]);

    public async ValueTask DisposeAsync()
    {
        Sandbox.Dispose();
        await Host.DisposeAsync();
    }
}

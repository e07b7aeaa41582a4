using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using MusicDl.Fakes;
using MusicDl.Fakes.Spotify;
using MusicDl.Fakes.YouTubeMedia;
using MusicDl.Fakes.YouTubeMusic;

namespace MusicDl.FakeServer;

/// <summary>
/// The benchmark's catalogue on one fake host: a playlist of N tracks spread over albums of ten, each track findable
/// by ISRC on YouTube Music and playable, plus a counters route the script reads before and after each run.
/// </summary>
public sealed class ScenarioWorld : IAsyncDisposable
{
    public const string CountersPath = "/__bench/counters";
    public const string LogPath = "/__bench/log";

    private ScenarioWorld(
        FakeHost host, FakeSpotify spotify, FakeYouTubeMusic music, FakeYouTubeMedia media, FakePlaylist playlist, MusicDl.Fakes.Lrclib.FakeLrclib lrclib, MusicDl.Fakes.MusicBrainz.FakeMusicBrainz musicBrainz)
    {
        Host = host;
        Lrclib = lrclib;
        MusicBrainz = musicBrainz;
        Spotify = spotify;
        Music = music;
        Media = media;
        Playlist = playlist;
        host.MapGet(CountersPath, (context, _) => FakeHost.WriteJsonAsync(context, Counters().ToJsonString()));
        host.MapGet(LogPath, WriteLogAsync);
    }

    public FakeHost Host { get; }

    public FakeSpotify Spotify { get; }

    public FakeYouTubeMusic Music { get; }

    public FakeYouTubeMedia Media { get; }

    public FakePlaylist Playlist { get; }

    public MusicDl.Fakes.Lrclib.FakeLrclib Lrclib { get; }

    public MusicDl.Fakes.MusicBrainz.FakeMusicBrainz MusicBrainz { get; }

    public static async Task<ScenarioWorld> StartAsync(ServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var host = await FakeHost.StartAsync(options.Port, cancellationToken).ConfigureAwait(false);
        try
        {
            var spotify = new FakeSpotify(host);
            var music = new FakeYouTubeMusic(host);

            // Lyrics are on by default: the scenario's LRCLIB knows none, as for most of a real playlist's tail.
            var lrclib = new MusicDl.Fakes.Lrclib.FakeLrclib(host);
            var musicBrainz = new MusicDl.Fakes.MusicBrainz.FakeMusicBrainz(host);
            var media = await FakeYouTubeMedia.StartAsync(host, cancellationToken).ConfigureAwait(false);
            await LongAudio.ReplaceAsync(media.Files, options.AudioSeconds, cancellationToken).ConfigureAwait(false);
            media.AudioSeconds = options.AudioSeconds;

            var playlist = options.Demo ? DemoCatalogue.Add(spotify, music, media) : AddGeneratedPlaylist(options, spotify, music, media);

            // Set last: building the catalogue above makes no requests, but the counters route should not pay it either way.
            host.GlobalLatency = TimeSpan.FromMilliseconds(options.LatencyMs);
            return new ScenarioWorld(host, spotify, music, media, playlist, lrclib, musicBrainz);
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static FakePlaylist AddGeneratedPlaylist(ServerOptions options, FakeSpotify spotify, FakeYouTubeMusic music, FakeYouTubeMedia media)
    {
        var entries = new List<FakeEntry>(options.Tracks);
        for (var made = 0; made < options.Tracks; made += options.TracksPerAlbum)
        {
            var album = spotify.AddGeneratedAlbum(Math.Min(options.TracksPerAlbum, options.Tracks - made));
            var artist = $"Artist {album.ArtistIds[0][^4..]}";
            foreach (var track in album.Tracks)
            {
                // 11 characters, unique per track: "b" and the track id's last ten digits.
                var videoId = "b" + track.Id[^10..];
                music.Add(FakeSong.Of(track, album, artist, videoId));
                media.AddVideo(videoId).Offering(251, 140);
                entries.Add(FakeEntry.Track(track.Id));
            }
        }

        return spotify.AddPlaylist(new FakePlaylist(FakeSpotifyIds.Next("pl"), $"Scenario {options.Tracks}", spotify.UserId, entries)
        {
            Access = FakePlaylistAccess.Anyone,
        });
    }

    /// <summary>Requests so far per service, as the fake saw them (the counters route itself excluded).</summary>
    public JsonObject Counters() => new()
    {
        ["spotify_api"] = Spotify.ApiRequests,
        ["spotify_token"] = Spotify.TokenRequests,
        ["covers"] = Spotify.ImageRoute.Count,
        ["search"] = Music.Route.Count,
        ["player"] = Media.PlayerRoute.Count,
        ["media"] = Media.MediaRoute.Count,
        ["lrclib"] = Lrclib.RequestCount,
        ["musicbrainz"] = MusicBrainz.RequestCount,
        ["unmatched"] = Host.UnmatchedCount,
        ["log"] = Host.Log.Count,
    };

    /// <summary>The request lines from index <c>?from=N</c> on, one a line, so the script can keep each run's requests.</summary>
    private Task WriteLogAsync(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var from = int.TryParse(context.Request.Query["from"].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var lines = Host.Log.Skip(from).Where(l => !l.Contains("/__bench/", StringComparison.Ordinal));
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(string.Join('\n', lines) + "\n");
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}

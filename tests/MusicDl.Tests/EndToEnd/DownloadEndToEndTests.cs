using System.Text.Json;
using MusicDl.Fakes.Spotify;

namespace MusicDl.Tests.EndToEnd;

/// <summary>The built musicdl as a child process against the fake services.</summary>
[Trait("Category", "EndToEnd")]
public sealed class DownloadEndToEndTests : IAsyncLifetime
{
    private FakeWorld _world = null!;

    public async Task InitializeAsync() => _world = await FakeWorld.StartAsync(inProcess: true);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_cold_album_download_places_every_track_tagged_and_a_warm_rerun_asks_youtube_nothing()
    {
        var album = _world.AddDownloadableAlbum(4);
        var url = $"https://open.spotify.com/album/{album.Id}";

        var cold = await _world.RunAsync("download", url, "--json");

        Assert.True(cold.ExitCode == 0, cold.ToString());
        var lines = cold.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var tracks = lines.Where(l => l.TryGetProperty("spotify_id", out _)).ToList();
        Assert.Equal(4, tracks.Count);
        Assert.All(tracks, t => Assert.Equal("downloaded", t.GetProperty("status").GetString()));
        foreach (var t in tracks)
        {
            var path = t.GetProperty("path").GetString()!;
            Assert.True(File.Exists(path), path);
            Assert.StartsWith(_world.Sandbox.Library, path, StringComparison.Ordinal);
            using var file = TagLib.File.Create(path, "audio/mp4", TagLib.ReadStyle.Average);
            Assert.Equal(t.GetProperty("title").GetString(), file.Tag.Title);
            Assert.Equal(album.Name, file.Tag.Album);

            // The cover the album names (served by the fake Spotify on loopback) is embedded in every track.
            var cover = Assert.Single(file.Tag.Pictures);
            Assert.Equal(FakeSpotify.CoverJpeg, cover.Data.Data);
            Assert.Equal("image/jpeg", cover.MimeType);
        }

        // The largest rendition, fetched once for the whole album.
        Assert.Equal(1, _world.Spotify.ImageRoute.Count);
        Assert.Contains(_world.Host.Log, l => l.Contains(_world.Spotify.CoverUrl(album.Id, 640).AbsolutePath, StringComparison.Ordinal));

        Assert.Empty(Directory.EnumerateFiles(_world.Sandbox.Library, ".*part*", SearchOption.AllDirectories));
        var summary = lines.Last().GetProperty("summary");
        Assert.Equal(4, summary.GetProperty("downloaded").GetInt32());

        var searches = _world.SearchRequests;
        var players = _world.PlayerRequests;
        var media = _world.MediaRequests;
        var warm = await _world.RunAsync("download", url, "--json");

        Assert.True(warm.ExitCode == 0, warm.ToString());
        Assert.Equal(4, warm.StdoutLines.Count(l => l.Contains("\"status\":\"skipped\"", StringComparison.Ordinal)));
        Assert.Equal(searches, _world.SearchRequests);
        Assert.Equal(players, _world.PlayerRequests);
        Assert.Equal(media, _world.MediaRequests);
        Assert.Equal(1, _world.Spotify.ImageRoute.Count);
    }
}

using System.Reflection;
using System.Text.Json;
using MusicDl.Models;
using MusicDl.Spotify;

namespace MusicDl.Tests.Spotify;

/// <summary>The playlist cache's second shape (issue 22 §3): each album once, and nothing of a track lost on the way.</summary>
public sealed class CachedPlaylistTests
{
    private static readonly AlbumInfo Album = new()
    {
        Id = "al1",
        Name = "One Album",
        Artists = [new ArtistRef("ar1", "Artist")],
        AlbumType = "album",
        ReleaseDate = "1987-11",
        ReleaseDatePrecision = ReleaseDatePrecision.Month,
        TotalTracks = 12,
        DiscCount = 2,
        DiscTrackCounts = [6, 6],
        Images = [new ImageRef("https://i.example/640", 640, 640)],
        Genres = ["rock"],
        Label = "Label",
        Copyright = "(P) Label",
        Upc = "0123",
    };

    [Fact]
    public void Tracks_of_one_album_store_it_once_and_come_back_equal_sharing_it()
    {
        // The same id read twice with a difference (its disc counts) is two albums: each track gets its own back.
        var other = Album with { DiscTrackCounts = [] };
        var playlist = new SpotifyPlaylist("pl1", "Mix", "snap1", "owner", [
            SourceEntry.Supported(1, Track("t1", Album)),
            SourceEntry.Supported(2, Track("t2", Album) with { FromPublicPage = true, Isrc = null, Explicit = false }),
            SourceEntry.Unsupported(3, "local file", "Home Recording"),
            SourceEntry.Unsupported(4, "not playable in your market", track: Track("t4", other)),
            SourceEntry.Supported(5, Track("t5", Album)),
        ]);

        var cached = CachedPlaylist.From(playlist);
        var json = JsonSerializer.Serialize(cached, SpotifyCacheJsonContext.Default.CachedPlaylist);
        var back = JsonSerializer.Deserialize(json, SpotifyCacheJsonContext.Default.CachedPlaylist)!.ToPlaylist()!;

        Assert.Equal(2, cached.Albums.Count);
        Assert.Equal(2, json.Split("\"One Album\"").Length - 1);
        Assert.Equal(
            JsonSerializer.Serialize(playlist, SpotifyCacheJsonContext.Default.SpotifyPlaylist),
            JsonSerializer.Serialize(back, SpotifyCacheJsonContext.Default.SpotifyPlaylist));
        Assert.Same(back.Entries[0].Track!.Album, back.Entries[4].Track!.Album);
        Assert.NotSame(back.Entries[0].Track!.Album, back.Entries[3].Track!.Album);
    }

    [Fact]
    public void An_entry_naming_an_album_the_value_lacks_is_no_playlist()
    {
        var cached = CachedPlaylist.From(new SpotifyPlaylist("pl1", "Mix", "snap1", null, [SourceEntry.Supported(1, Track("t1", Album))]));

        Assert.Null((cached with { Albums = [] }).ToPlaylist());
    }

    [Fact]
    public void Every_value_a_track_is_made_of_is_kept()
    {
        // A property added to Track later must be added to the cached item too, or a cached playlist would lose it.
        var settable = typeof(Track).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is not null)
            .Select(p => p.Name)
            .Order(StringComparer.Ordinal);
        var kept = typeof(CachedPlaylist.Item).GetConstructors().Single().GetParameters().Select(p => p.Name!).Order(StringComparer.Ordinal);

        Assert.Equal(settable, kept);
    }

    private static Track Track(string id, AlbumInfo album) => new()
    {
        Id = id,
        Title = "Song " + id,
        Artists = [new ArtistRef("ar1", "Artist"), new ArtistRef(null, "Guest")],
        Album = album,
        TrackNumber = 3,
        DiscNumber = 2,
        DurationMs = 201_000,
        Explicit = true,
        Isrc = "QZ0000000001",
        Genres = ["rock", "pop"],
    };
}

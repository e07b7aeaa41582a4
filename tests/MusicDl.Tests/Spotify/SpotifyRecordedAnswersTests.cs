using MusicDl.Fakes;
using MusicDl.Models;
using MusicDl.Spotify;

namespace MusicDl.Tests.Spotify;

/// <summary>The client reads real recorded Spotify answers (older dialect), served as they were recorded.</summary>
public sealed class SpotifyRecordedAnswersTests : SpotifyTestBase
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Spotify");

    /// <summary>Serves a recorded file at an exact path (registered after the fake's routes, so it wins).</summary>
    private FakeRoute Serve(string path, string file)
    {
        var json = File.ReadAllText(Path.Combine(Fixtures, file + ".json"));
        return Bed.Host.MapGet(path, (context, _) => FakeHost.WriteJsonAsync(context, json));
    }

    [Fact]
    public async Task A_recorded_track_gives_every_field_the_tags_need()
    {
        Serve("/v1/tracks/1t2qKa8K72IBC8yQlhD9bU", "track-1t2qKa8K72IBC8yQlhD9bU");
        using var client = Bed.CreateClient();

        var resolved = await client.ResolveAsync(new SpotifySource(SourceKind.Track, "1t2qKa8K72IBC8yQlhD9bU", "x"), CancellationToken.None);

        var track = Assert.Single(resolved.Entries).Track!;
        Assert.Equal("Ropes", track.Title);
        Assert.Equal(["Dirty Palm", "Chandler Jewels"], track.Artists.Select(a => a.Name));
        Assert.Equal("4cZvsAtZm91PBC0tXlDrP0", track.Artists[0].Id);
        Assert.Equal("GB2LD2110301", track.Isrc);
        Assert.Equal(188_000, track.DurationMs);
        Assert.Equal(1, track.TrackNumber);
        Assert.Equal(1, track.DiscNumber);
        Assert.False(track.Explicit);
        Assert.Equal("0cgpcZCPvGGXOCpXVqPrvJ", track.Album.Id);
        Assert.Equal("single", track.Album.AlbumType);
        Assert.Equal("2021-10-28", track.Album.ReleaseDate);
        Assert.Equal(ReleaseDatePrecision.Day, track.Album.ReleaseDatePrecision);
        Assert.Equal([640, 300, 64], track.Album.Images.Select(i => i.Width ?? 0));
    }

    [Fact]
    public async Task Completing_a_recorded_track_adds_the_album_label_copyright_upc_and_the_artist_genres()
    {
        Serve("/v1/tracks/1t2qKa8K72IBC8yQlhD9bU", "track-1t2qKa8K72IBC8yQlhD9bU");
        Serve("/v1/albums/0cgpcZCPvGGXOCpXVqPrvJ", "album-0cgpcZCPvGGXOCpXVqPrvJ");
        Serve("/v1/artists/4cZvsAtZm91PBC0tXlDrP0", "artist-4cZvsAtZm91PBC0tXlDrP0");
        using var client = Bed.CreateClient();
        var track = (await client.Catalog.GetTrackAsync("1t2qKa8K72IBC8yQlhD9bU", CancellationToken.None)).Track!;

        var complete = await client.CompleteAsync(track, CancellationToken.None);

        Assert.Equal("NCS", complete.Album.Label);
        Assert.Equal("2021 NCS", complete.Album.Copyright);
        Assert.Equal("5055199555997", complete.Album.Upc);
        Assert.Equal(1, complete.Album.DiscCount);
        Assert.Equal(["gaming edm", "melbourne bounce", "melbourne bounce international"], complete.Genres);
        Assert.Equal("GB2LD2110301", complete.Isrc);
    }

    [Fact]
    public async Task A_recorded_playlist_in_the_older_dialect_is_read_through_the_tracks_fallback()
    {
        Serve("/v1/playlists/5LkNhFidYyyjRWwnkcMbQs", "playlist-5LkNhFidYyyjRWwnkcMbQs");
        var tracks = Serve("/v1/playlists/5LkNhFidYyyjRWwnkcMbQs/tracks", "playlist-5LkNhFidYyyjRWwnkcMbQs-tracks");
        using var client = Bed.CreateClient();

        var resolved = await client.ResolveAsync(new SpotifySource(SourceKind.Playlist, "5LkNhFidYyyjRWwnkcMbQs", "x"), CancellationToken.None);

        Assert.Equal("Top 10 NCS Songs Episode 2", resolved.Name);
        Assert.Equal("AAAAGltfrxsoRxBM/BA89GkrJPbyZs3o", resolved.SnapshotId);
        Assert.Equal(10, resolved.Entries.Count);
        Assert.Equal(1, tracks.Count);

        // The first entry is a withdrawn track's husk (no name, no duration): unsupported, not a crash.
        Assert.Contains("removed", resolved.Entries[0].UnsupportedReason, StringComparison.Ordinal);
        Assert.Equal(
            ["Cradles", "Fearless Pt. II", "Invisible", "Feel Good", "Superhero", "We Are", "Sunburst", "Ark", "Hellcat"],
            resolved.Entries.Skip(1).Select(e => e.Track!.Title));
        Assert.All(resolved.Entries.Skip(1), e => Assert.NotNull(e.Track!.Isrc));
    }

    [Fact]
    public async Task A_recorded_artist_gives_the_tracks_of_its_recorded_singles()
    {
        Serve("/v1/artists/1FPC2zwfMHhrP3frOfaai6", "artist-1FPC2zwfMHhrP3frOfaai6");
        Serve("/v1/artists/1FPC2zwfMHhrP3frOfaai6/albums", "artist-1FPC2zwfMHhrP3frOfaai6-albums");
        foreach (var id in new[] { "58NYQm3dRbTW1kKirl631E", "58NCND7oBmNGsoYExAYtvV", "0Mze4GYhSVS52f8XDFxSFM", "0xMjnmMdohAHzYNuHXSGvW", "4SXkbDnBPGbLL3szWXL01L", "3skUzGSJGqPYxu5PzJGwPB", "3Anxbj2ILNT4oROywVScjr" })
        {
            Serve($"/v1/albums/{id}", $"album-{id}");
        }

        using var client = Bed.CreateClient();

        var resolved = await client.ResolveAsync(new SpotifySource(SourceKind.Artist, "1FPC2zwfMHhrP3frOfaai6", "x"), CancellationToken.None);

        Assert.Equal("Kontinuum", resolved.Name);
        Assert.Equal(["Ponder", "Lost", "Timeline", "Alive", "First Rain", "Aware", "Freedom - Original Mix"], resolved.Entries.Select(e => e.Title));
        Assert.Equal("Kontinuum", resolved.Entries[0].Track!.Album.Label);
    }

    [Fact]
    public async Task A_recorded_album_track_page_is_read_after_following_next_onto_the_configured_base()
    {
        var page = Serve("/v1/albums/4MQnUDGXmHOvnsWCpzeqWT/tracks/", "album-4MQnUDGXmHOvnsWCpzeqWT-tracks");
        Bed.Host.MapGet("/v1/albums/4MQnUDGXmHOvnsWCpzeqWT", (context, _) => FakeHost.WriteJsonAsync(context, """
            {"id":"4MQnUDGXmHOvnsWCpzeqWT","name":"NCS: The Best of 2017","album_type":"compilation","total_tracks":16,
             "release_date":"2017","release_date_precision":"year","artists":[{"id":"0LyfQWJT6nXafLPZqxe9Of","name":"Various Artists"}],
             "copyrights":[{"text":"℗ 2017 NCS","type":"P"}],
             "tracks":{"href":"x","items":[],"limit":50,"offset":0,"previous":null,"total":16,
                       "next":"https://api.spotify.com/v1/albums/4MQnUDGXmHOvnsWCpzeqWT/tracks/?limit=50&offset=0"}}
            """));
        using var client = Bed.CreateClient();

        var album = await client.Catalog.GetAlbumAsync("4MQnUDGXmHOvnsWCpzeqWT", CancellationToken.None);

        Assert.Equal(1, page.Count);
        Assert.Equal(16, album.Tracks.Count);
        Assert.Equal("Linked", album.Tracks[0].Title);
        Assert.Equal("Puzzle - VIP", album.Tracks[15].Title);
        Assert.All(album.Tracks, e => Assert.True(e.IsSupported));
        Assert.Null(album.Tracks[0].Track!.Isrc);
        Assert.Equal("NCS", album.Info.Label);
        Assert.Equal(ReleaseDatePrecision.Year, album.Info.ReleaseDatePrecision);
        Assert.Same(album.Info, album.Tracks[3].Track!.Album);
    }
}

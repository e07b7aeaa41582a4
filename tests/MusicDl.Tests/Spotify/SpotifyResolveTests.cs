using MusicDl.Fakes.Spotify;
using MusicDl.Http;
using MusicDl.Models;
using MusicDl.Spotify;

namespace MusicDl.Tests.Spotify;

public sealed class SpotifyResolveTests : SpotifyTestBase
{

    private static SpotifySource Source(SourceKind kind, string id) => new(kind, id, $"spotify:{kind.ToString().ToLowerInvariant()}:{id}");

    [Fact]
    public async Task An_album_over_50_tracks_is_read_across_pages_in_order_with_its_disc_count()
    {
        var album = Bed.Spotify.AddGeneratedAlbum(120, discs: 2, label: null);
        using var client = Bed.CreateClient();

        var resolved = await client.ResolveAsync(Source(SourceKind.Album, album.Id), CancellationToken.None);

        Assert.Equal(album.Name, resolved.Name);
        Assert.Equal(album.Tracks.Select(t => t.Id), resolved.Entries.Select(e => e.Track!.Id));
        Assert.Equal(Enumerable.Range(1, 120), resolved.Entries.Select(e => e.Position));
        Assert.All(resolved.Entries, e => Assert.True(e.IsSupported));
        var info = resolved.Entries[0].Track!.Album;
        Assert.Equal(2, info.DiscCount);
        Assert.Equal("Fake Records Ltd", info.Label);
        Assert.Equal(2, resolved.Entries[^1].Track!.DiscNumber);

        // The album object carries page one; pages two and three follow `next`, moved off api.spotify.com onto the fake.
        Assert.Equal(1, Bed.Spotify.Route("GET", "/v1/albums/{id}").Count);
        Assert.Equal(2, Bed.Spotify.Route("GET", "/v1/albums/{id}/tracks").Count);
        Assert.Equal(3, client.RequestCount);
    }

    [Fact]
    public async Task A_playlist_of_250_entries_keeps_order_and_turns_local_files_episodes_and_removed_entries_into_unsupported()
    {
        await Bed.LogInAsync();
        var playlist = Bed.Spotify.AddGeneratedPlaylist(250);
        using var client = Bed.CreateClient();

        var resolved = await client.ResolveAsync(Source(SourceKind.Playlist, playlist.Id), CancellationToken.None);

        Assert.Equal(250, resolved.Entries.Count);
        Assert.Equal(playlist.SnapshotId, resolved.SnapshotId);
        Assert.Equal(playlist.Name, resolved.Name);
        Assert.Contains("local file", resolved.Entries[2].UnsupportedReason, StringComparison.Ordinal);
        Assert.Equal("my-bootleg.mp3", resolved.Entries[2].Title);
        Assert.Contains("episode", resolved.Entries[4].UnsupportedReason, StringComparison.Ordinal);
        Assert.Contains("removed", resolved.Entries[6].UnsupportedReason, StringComparison.Ordinal);
        Assert.Equal(resolved.Entries[0].Track!.Id, resolved.Entries[8].Track!.Id);
        Assert.Equal(247, resolved.Entries.Count(e => e.IsSupported));
        Assert.Equal(playlist.Entries[249].TrackId, resolved.Entries[249].Track!.Id);

        // 2026 dialect: /items, 50 a page.
        Assert.Equal(5, Bed.Spotify.Route("GET", "/v1/playlists/{id}/items").Count);
        Assert.Equal(0, Bed.Spotify.Route("GET", "/v1/playlists/{id}/tracks").Count);
    }

    [Fact]
    public async Task The_older_dialect_falls_back_from_items_to_tracks_and_reads_the_track_key()
    {
        await Bed.LogInAsync();
        Bed.Spotify.Dialect = FakePlaylistDialect.Tracks;
        var playlist = Bed.Spotify.AddGeneratedPlaylist(250);
        using var client = Bed.CreateClient();

        var resolved = await client.ResolveAsync(Source(SourceKind.Playlist, playlist.Id), CancellationToken.None);

        Assert.Equal(250, resolved.Entries.Count);
        Assert.Equal(247, resolved.Entries.Count(e => e.IsSupported));
        Assert.Equal(playlist.Entries[249].TrackId, resolved.Entries[249].Track!.Id);
        Assert.Equal(1, Bed.Spotify.Route("GET", "/v1/playlists/{id}/items").Count);
        Assert.Equal(3, Bed.Spotify.Route("GET", "/v1/playlists/{id}/tracks").Count);
    }

    [Fact]
    public async Task A_playlist_under_client_credentials_fails_with_403_saying_to_log_in_as_owner_or_copy_it()
    {
        var playlist = Bed.Spotify.AddGeneratedPlaylist(20, ownerId: "someoneelse");
        using var client = Bed.CreateClient();

        var error = await Assert.ThrowsAsync<ServiceException>(() => client.ResolveAsync(Source(SourceKind.Playlist, playlist.Id), CancellationToken.None));

        Assert.Equal(ServiceFailureKind.Rejected, error.Kind);
        Assert.Equal((System.Net.HttpStatusCode)403, error.Status);
        Assert.Contains("musicdl auth login", error.Message, StringComparison.Ordinal);
        Assert.Contains("owner or a collaborator", error.Message, StringComparison.Ordinal);
        Assert.Contains("copy the playlist", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task A_logged_in_user_who_neither_owns_nor_collaborates_gets_403_with_the_owner_advice()
    {
        await Bed.LogInAsync();
        var playlist = Bed.Spotify.AddGeneratedPlaylist(20, ownerId: "someoneelse");
        using var client = Bed.CreateClient();

        var error = await Assert.ThrowsAsync<ServiceException>(() => client.ResolveAsync(Source(SourceKind.Playlist, playlist.Id), CancellationToken.None));

        Assert.Equal(ServiceFailureKind.Rejected, error.Kind);
        Assert.Equal((System.Net.HttpStatusCode)403, error.Status);
        Assert.Contains("Log in as its owner or a collaborator", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editorial_playlist_answers_404_and_the_message_says_why()
    {
        var playlist = Bed.Spotify.AddGeneratedPlaylist(5, access: FakePlaylistAccess.Editorial);
        using var client = Bed.CreateClient();

        var error = await Assert.ThrowsAsync<ServiceException>(() => client.ResolveAsync(Source(SourceKind.Playlist, playlist.Id), CancellationToken.None));

        Assert.Equal(ServiceFailureKind.Rejected, error.Kind);
        Assert.Equal((System.Net.HttpStatusCode)404, error.Status);
        Assert.Contains("editorial", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_artist_gives_its_albums_and_singles_across_pages_but_no_compilations_or_appearances()
    {
        var artistId = FakeSpotifyIds.Next("ar");
        Bed.Spotify.AddArtist(artistId, "Kontinuum", "gaming edm");
        var own = Enumerable.Range(0, 12)
            .Select(i => Bed.Spotify.AddGeneratedAlbum(2, artistId: artistId, albumType: i % 2 == 0 ? "album" : "single"))
            .ToList();
        Bed.Spotify.AddGeneratedAlbum(3, artistId: artistId, albumType: "compilation");
        var other = Bed.Spotify.AddGeneratedAlbum(1);
        Bed.Spotify.AddAlbum(other with { Tracks = [other.Tracks[0] with { ArtistIds = [other.ArtistIds[0], artistId] }] });
        using var client = Bed.CreateClient();

        var resolved = await client.ResolveAsync(Source(SourceKind.Artist, artistId), CancellationToken.None);

        Assert.Equal("Kontinuum", resolved.Name);
        Assert.Equal(own.SelectMany(a => a.Tracks).Select(t => t.Id), resolved.Entries.Select(e => e.Track!.Id));
        Assert.Equal(Enumerable.Range(1, 24), resolved.Entries.Select(e => e.Position));

        // 10 a page since 2026: two pages for 12 albums.
        Assert.Equal(2, Bed.Spotify.Route("GET", "/v1/artists/{id}/albums").Count);
    }

    [Fact]
    public async Task A_track_that_is_not_playable_in_the_market_is_unsupported_but_keeps_its_metadata()
    {
        var album = Bed.Spotify.AddGeneratedAlbum(3);
        Bed.Spotify.AddAlbum(album with { Tracks = [album.Tracks[0], album.Tracks[1] with { Playable = false }, album.Tracks[2]] });
        using var client = Bed.CreateClient(Bed.Settings with { Market = "DE" });

        var resolved = await client.ResolveAsync(Source(SourceKind.Album, album.Id), CancellationToken.None);

        Assert.Equal("not playable in market DE", resolved.Entries[1].UnsupportedReason);
        Assert.Equal(album.Tracks[1].Name, resolved.Entries[1].Track!.Title);
        Assert.True(resolved.Entries[2].IsSupported);
        Assert.Contains("market=DE", Bed.Host.Log.Single(l => l.StartsWith("GET /v1/albums/", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Multi_artist_non_latin_tracks_and_month_precision_dates_are_read_as_given()
    {
        var track = Bed.Spotify.AddMultiArtistNonLatinTrack();
        using var client = Bed.CreateClient();

        var resolved = await client.ResolveAsync(Source(SourceKind.Track, track.Id), CancellationToken.None);

        var t = Assert.Single(resolved.Entries).Track!;
        Assert.Equal("Лемон / レモン", t.Title);
        Assert.Equal(["米津玄師", "Ёлка"], t.Artists.Select(a => a.Name));
        Assert.Equal("JPU901800040", t.Isrc);
        Assert.Equal(ReleaseDatePrecision.Month, t.Album.ReleaseDatePrecision);
        Assert.Equal("2018-03", t.Album.ReleaseDate);
        Assert.Equal(2018, t.Album.Year);
    }

    [Fact]
    public async Task Complete_fetches_the_isrc_the_full_album_and_the_artist_genres_only_when_missing()
    {
        var album = Bed.Spotify.AddGeneratedAlbum(3, precision: "year", releaseDate: "1999");
        using var client = Bed.CreateClient();
        var resolved = await client.ResolveAsync(Source(SourceKind.Album, album.Id), CancellationToken.None);
        var listed = resolved.Entries[1].Track!;
        Assert.Null(listed.Isrc);
        var before = client.RequestCount;

        var complete = await client.CompleteAsync(listed, CancellationToken.None);

        Assert.Equal(album.Tracks[1].Isrc, complete.Isrc);
        Assert.Equal(["electro house"], complete.Genres);
        Assert.Equal(ReleaseDatePrecision.Year, complete.Album.ReleaseDatePrecision);
        Assert.Equal("Fake Records Ltd", complete.Album.Label);

        // The album page already gave the full album: only the track and the artist are asked for.
        Assert.Equal(before + 2, client.RequestCount);
        var again = await client.CompleteAsync(complete, CancellationToken.None);
        Assert.Equal(before + 2, client.RequestCount);
        Assert.Equal(complete, again);
    }

    [Fact]
    public async Task A_short_link_is_followed_to_the_source_it_names()
    {
        var album = Bed.Spotify.AddGeneratedAlbum(2);
        var link = Bed.Spotify.AddShortLink("abc123", $"https://open.spotify.com/intl-de/album/{album.Id}?si=xyz");
        using var client = Bed.CreateClient();

        var resolved = await client.ResolveAsync(new SpotifySource(SourceKind.ShortLink, null, link.ToString()), CancellationToken.None);

        Assert.Equal(SourceKind.Album, resolved.Source.Kind);
        Assert.Equal(album.Id, resolved.Source.Id);
        Assert.Equal(2, resolved.Entries.Count);
    }

    [Fact]
    public async Task A_short_link_that_leads_nowhere_is_a_source_failure()
    {
        using var client = Bed.CreateClient();

        var error = await Assert.ThrowsAsync<ServiceException>(() =>
            client.ResolveAsync(new SpotifySource(SourceKind.ShortLink, null, Bed.Host.Url("/s/unknown").ToString()), CancellationToken.None));

        Assert.Equal(ServiceFailureKind.Rejected, error.Kind);
        Assert.Contains("404", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_track_is_a_source_failure_naming_it()
    {
        using var client = Bed.CreateClient();
        var id = FakeSpotifyIds.Next("tr");

        var error = await Assert.ThrowsAsync<ServiceException>(() => client.ResolveAsync(Source(SourceKind.Track, id), CancellationToken.None));

        Assert.Equal(ServiceFailureKind.Rejected, error.Kind);
        Assert.Equal($"Spotify has no track {id} (404); check the link.", error.Message);
    }

    [Fact]
    public async Task A_single_track_not_playable_in_the_market_is_one_unsupported_entry()
    {
        var album = Bed.Spotify.AddGeneratedAlbum(1);
        Bed.Spotify.AddAlbum(album with { Tracks = [album.Tracks[0] with { Playable = false }] });
        using var client = Bed.CreateClient();

        var resolved = await client.ResolveAsync(Source(SourceKind.Track, album.Tracks[0].Id), CancellationToken.None);

        var entry = Assert.Single(resolved.Entries);
        Assert.Equal("not playable in market US", entry.UnsupportedReason);
        Assert.Equal(album.Tracks[0].Name, resolved.Name);
    }
}

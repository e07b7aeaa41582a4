using System.Text.Json;
using MusicDl.Caching;
using MusicDl.Fakes.Spotify;
using MusicDl.Models;
using MusicDl.Spotify;
using MusicDl.Tests.TestSupport;

namespace MusicDl.Tests.Spotify;

public sealed class CachingSpotifyCatalogTests : SpotifyTestBase
{

    [Fact]
    public async Task Re_checking_an_unchanged_playlist_costs_one_request_for_its_snapshot_id()
    {
        await Bed.LogInAsync();
        var playlist = Bed.Spotify.AddGeneratedPlaylist(120);
        var source = new SpotifySource(SourceKind.Playlist, playlist.Id, playlist.Id);
        var file = Path.Combine(Bed.ConfigDirectory, "cache.db");
        ResolvedSource first;
        long before;
        await using (var firstCache = TestCache.OnDisk(file, Bed.Time))
        {
            using var client = Bed.CreateCachingClient(firstCache);
            first = await client.ResolveAsync(source, CancellationToken.None);
            before = client.RequestCount;
        }

        var logged = Bed.Host.Log.Count;

        // A later run: a new client over a new cache on the same file, so the playlist comes back through its JSON.
        await using var nextCache = TestCache.OnDisk(file, Bed.Time);
        using var nextRun = Bed.CreateCachingClient(nextCache);
        var again = await nextRun.ResolveAsync(source, CancellationToken.None);

        Assert.Equal(1, nextRun.RequestCount);
        Assert.Equal($"GET /v1/playlists/{playlist.Id}?fields=snapshot_id", Bed.Host.Log.Skip(logged).Single());
        AssertSameEntries(first.Entries, again.Entries);
        Assert.Equal(first.SnapshotId, again.SnapshotId);
        Assert.Equal(5, before);
    }

    [Fact]
    public async Task A_changed_playlist_is_read_again_under_its_new_snapshot()
    {
        await Bed.LogInAsync();
        var playlist = Bed.Spotify.AddGeneratedPlaylist(10, withOddities: false);
        var source = new SpotifySource(SourceKind.Playlist, playlist.Id, playlist.Id);
        using var client = Bed.CreateCachingClient();
        await client.ResolveAsync(source, CancellationToken.None);

        playlist.Replace(playlist.Entries.Take(4));
        var changed = await client.ResolveAsync(source, CancellationToken.None);

        Assert.Equal(4, changed.Entries.Count);
        Assert.Equal(playlist.SnapshotId, changed.SnapshotId);
        Assert.Equal(CacheLookupKind.Hit, await Bed.Caches.Region(CacheRegions.Spotify, SpotifyCacheJsonContext.Default.CachedPlaylist).LookUpAsync($"playlist2:{playlist.Id}:{playlist.SnapshotId}:from_token"));
    }

    [Fact]
    public async Task A_playlist_an_older_musicdl_cached_whole_is_read_from_the_cache_and_kept_in_the_new_shape()
    {
        await Bed.LogInAsync();
        var playlist = Bed.Spotify.AddGeneratedPlaylist(30);
        var source = new SpotifySource(SourceKind.Playlist, playlist.Id, playlist.Id);
        var file = Path.Combine(Bed.ConfigDirectory, "cache.db");
        var newKey = $"playlist2:{playlist.Id}:{playlist.SnapshotId}:from_token";
        ResolvedSource first;
        await using (var cache = TestCache.OnDisk(file, Bed.Time))
        {
            using var client = Bed.CreateCachingClient(cache);
            first = await client.ResolveAsync(source, CancellationToken.None);

            // What the first shape left in the file: the playlist whole under its old key, nothing under the new one.
            var stored = await cache.Region(CacheRegions.Spotify, SpotifyCacheJsonContext.Default.CachedPlaylist).GetAsync(newKey);
            await cache.Region(CacheRegions.Spotify, SpotifyCacheJsonContext.Default.SpotifyPlaylist)
                .SetAsync($"playlist:{playlist.Id}:{playlist.SnapshotId}:from_token", stored.Value!.ToPlaylist()!, TimeSpan.FromDays(28));
            await cache.Region(CacheRegions.Spotify, SpotifyCacheJsonContext.Default.CachedPlaylist).RemoveAsync(newKey);
        }

        var logged = Bed.Host.Log.Count;
        await using (var nextCache = TestCache.OnDisk(file, Bed.Time))
        {
            using var nextRun = Bed.CreateCachingClient(nextCache);
            var again = await nextRun.ResolveAsync(source, CancellationToken.None);

            Assert.Equal(1, nextRun.RequestCount);
            Assert.Equal($"GET /v1/playlists/{playlist.Id}?fields=snapshot_id", Bed.Host.Log.Skip(logged).Single());
            AssertSameEntries(first.Entries, again.Entries);
        }

        await using var third = TestCache.OnDisk(file, Bed.Time);
        Assert.Equal(CacheLookupKind.Hit, await third.Region(CacheRegions.Spotify, SpotifyCacheJsonContext.Default.CachedPlaylist).LookUpAsync(newKey));
    }

    [Fact]
    public async Task Liked_songs_cost_one_page_when_total_and_newest_date_are_unchanged()
    {
        await Bed.LogInAsync();
        var album = Bed.Spotify.AddGeneratedAlbum(120);
        var day = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var (track, i) in album.Tracks.Select((t, i) => (t, i)))
        {
            Bed.Spotify.AddSavedTrack(track.Id, day.AddHours(i));
        }

        var source = new SpotifySource(SourceKind.LikedSongs, null, "https://open.spotify.com/collection/tracks");
        using var client = Bed.CreateCachingClient();
        var first = await client.ResolveAsync(source, CancellationToken.None);
        Assert.Equal(120, first.Entries.Count);
        Assert.Equal(album.Tracks[^1].Id, first.Entries[0].Track!.Id);
        var route = Bed.Spotify.Route("GET", "/v1/me/tracks");
        Assert.Equal(3, route.Count);

        var again = await client.ResolveAsync(source, CancellationToken.None);
        Assert.Equal(4, route.Count);
        AssertSameEntries(first.Entries, again.Entries);

        // A newly liked song changes the newest added_at: the whole list is read again.
        var extra = Bed.Spotify.AddGeneratedAlbum(1).Tracks[0];
        Bed.Spotify.AddSavedTrack(extra.Id, day.AddDays(30));
        var grown = await client.ResolveAsync(source, CancellationToken.None);
        Assert.Equal(121, grown.Entries.Count);
        Assert.Equal(extra.Id, grown.Entries[0].Track!.Id);
        Assert.Equal(7, route.Count);
    }

    [Fact]
    public async Task Albums_artists_and_tracks_are_asked_once_however_many_sources_and_tracks_share_them()
    {
        var album = Bed.Spotify.AddGeneratedAlbum(6);
        var source = new SpotifySource(SourceKind.Album, album.Id, album.Id);
        using var client = Bed.CreateCachingClient();

        var resolved = await client.ResolveAsync(source, CancellationToken.None);
        await client.ResolveAsync(source, CancellationToken.None);
        var completed = await Task.WhenAll(resolved.Entries.Select(e => client.CompleteAsync(e.Track!, CancellationToken.None)));
        await client.CompleteAsync(resolved.Entries[0].Track!, CancellationToken.None);

        Assert.Equal(1, Bed.Spotify.Route("GET", "/v1/albums/{id}").Count);
        Assert.Equal(1, Bed.Spotify.Route("GET", "/v1/artists/{id}").Count);
        Assert.Equal(6, Bed.Spotify.Route("GET", "/v1/tracks/{id}").Count);
        Assert.Equal(album.Tracks.Select(t => t.Isrc), completed.Select(t => t.Isrc));
        Assert.All(completed, t => Assert.Equal(["electro house"], t.Genres));
    }

    [Fact]
    public async Task Completing_many_playlist_tracks_at_once_reads_their_album_and_artist_once()
    {
        await Bed.LogInAsync();
        var playlist = Bed.Spotify.AddGeneratedPlaylist(12, withOddities: false);
        using var client = Bed.CreateCachingClient();
        var resolved = await client.ResolveAsync(new SpotifySource(SourceKind.Playlist, playlist.Id, playlist.Id), CancellationToken.None);
        Assert.All(resolved.Entries, e => Assert.Null(e.Track!.Album.Label));

        var completed = await Task.WhenAll(resolved.Entries.Select(e => Task.Run(() => client.CompleteAsync(e.Track!, CancellationToken.None))));

        Assert.Equal(1, Bed.Spotify.Route("GET", "/v1/albums/{id}").Count);
        Assert.Equal(1, Bed.Spotify.Route("GET", "/v1/artists/{id}").Count);
        Assert.Equal(0, Bed.Spotify.Route("GET", "/v1/tracks/{id}").Count); // playlist items are full tracks: ISRC known
        Assert.All(completed, t => Assert.Equal("Fake Records Ltd", t.Album.Label));
        Assert.All(completed, t => Assert.Equal(12, t.Album.TotalTracks));
    }

    [Fact]
    public async Task Cached_tracks_come_back_equal_after_the_json_round_trip()
    {
        var track = Bed.Spotify.AddMultiArtistNonLatinTrack();
        // Memory hands back the stored object itself; the JSON round trip happens when a later run reads the file.
        var file = Path.Combine(Bed.ConfigDirectory, "cache.db");
        Track fresh;
        long firstRequests;
        await using (var firstRun = TestCache.OnDisk(file, Bed.Time))
        {
            using var first = Bed.CreateCachingClient(firstRun);
            fresh = (await first.Catalog.GetTrackAsync(track.Id, CancellationToken.None)).Track!;
            firstRequests = first.RequestCount;
        }

        await using var nextRun = TestCache.OnDisk(file, Bed.Time);
        var region = nextRun.Region(CacheRegions.Spotify, SpotifyCacheJsonContext.Default.SourceEntry);
        using var next = Bed.CreateCachingClient(nextRun);
        var cached = (await next.Catalog.GetTrackAsync(track.Id, CancellationToken.None)).Track!;

        Assert.Equal((1L, 0L), (firstRequests, next.RequestCount));
        Assert.Equal(1, region.GetStatistics().PersistentHits);
        Assert.Empty(nextRun.Warnings.Messages);
        Assert.Equal(fresh.Title, cached.Title);
        Assert.Equal(fresh.Artists, cached.Artists);
        Assert.Equal(fresh.Album.Images, cached.Album.Images);
        Assert.Equal(fresh.Album.ReleaseDatePrecision, cached.Album.ReleaseDatePrecision);
        Assert.Equal(fresh.Isrc, cached.Isrc);
        Assert.Equal(CacheLookupKind.Hit, await region.LookUpAsync($"track:{track.Id}:US"));
    }

    [Fact]
    public async Task An_artist_re_check_costs_one_request_per_page_of_albums_once_its_list_expires()
    {
        var artist = FakeSpotifyIds.Next("ar");
        Bed.Spotify.AddArtist(artist, "Someone");
        for (var i = 0; i < 3; i++)
        {
            Bed.Spotify.AddGeneratedAlbum(2, artistId: artist);
        }

        var source = new SpotifySource(SourceKind.Artist, artist, artist);
        using var client = Bed.CreateCachingClient();
        await client.ResolveAsync(source, CancellationToken.None);
        var before = client.RequestCount;

        await client.ResolveAsync(source, CancellationToken.None);
        Assert.Equal(before, client.RequestCount);

        Bed.Time.Advance(TimeSpan.FromDays(1.5));
        var later = await client.ResolveAsync(source, CancellationToken.None);
        Assert.Equal(6, later.Entries.Count);
        Assert.Equal(before + 1, client.RequestCount); // one page of albums; the albums themselves are still cached
    }

    /// <summary>Records holding lists compare by reference: compare what the cache would store.</summary>
    private static void AssertSameEntries(IReadOnlyList<SourceEntry> expected, IReadOnlyList<SourceEntry> actual) =>
        Assert.Equal(
            JsonSerializer.Serialize(expected, SpotifyCacheJsonContext.Default.IReadOnlyListSourceEntry),
            JsonSerializer.Serialize(actual, SpotifyCacheJsonContext.Default.IReadOnlyListSourceEntry));

    [Fact]
    public async Task An_artist_answer_without_genres_stops_artist_requests_for_genres_in_this_run_and_the_next()
    {
        Bed.Spotify.ArtistGenresWithheld = true;
        var albums = Enumerable.Range(0, 3).Select(_ => Bed.Spotify.AddGeneratedAlbum(2)).ToList();
        var file = Path.Combine(Bed.ConfigDirectory, "cache.db");
        await using (var cache = TestCache.OnDisk(file, Bed.Time))
        {
            using var client = Bed.CreateCachingClient(cache);
            await CompleteAllAsync(client, albums[0]);
            await CompleteAllAsync(client, albums[1]);
        }

        Assert.Equal(1, Bed.Spotify.Route("GET", "/v1/artists/{id}").Count);
        await using (var nextRun = TestCache.OnDisk(file, Bed.Time))
        {
            using var client = Bed.CreateCachingClient(nextRun);
            var completed = await CompleteAllAsync(client, albums[2]);
            Assert.All(completed, t => Assert.Empty(t.Genres));
        }

        Assert.Equal(1, Bed.Spotify.Route("GET", "/v1/artists/{id}").Count);
    }

    [Fact]
    public async Task An_artist_with_an_empty_genre_list_does_not_stop_asking_the_next_artist()
    {
        var albums = Enumerable.Range(0, 2).Select(_ => Bed.Spotify.AddGeneratedAlbum(1)).ToList();
        Bed.Spotify.AddArtist(albums[0].ArtistIds[0], "No genres");
        using var client = Bed.CreateCachingClient();

        Assert.Empty((await CompleteAllAsync(client, albums[0])).Single().Genres);
        Assert.Equal(["electro house"], (await CompleteAllAsync(client, albums[1])).Single().Genres);
        Assert.Equal(2, Bed.Spotify.Route("GET", "/v1/artists/{id}").Count);
    }

    private static async Task<Track[]> CompleteAllAsync(SpotifyClient client, FakeAlbum album)
    {
        var resolved = await client.ResolveAsync(new SpotifySource(SourceKind.Album, album.Id, album.Id), CancellationToken.None);
        return await Task.WhenAll(resolved.Entries.Select(e => client.CompleteAsync(e.Track!, CancellationToken.None)));
    }
}

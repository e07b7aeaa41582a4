using MusicDl.Caching;
using MusicDl.Models;

namespace MusicDl.Spotify;

/// <summary>
/// The catalog reads behind the <c>spotify</c> cache region: each single read under its own key, so sources
/// share tracks, albums and artists. An unchanged playlist costs one request (its snapshot id); Liked Songs one page.
/// One typed handle per kind of value, all on the one region.
/// </summary>
internal sealed class CachingSpotifyCatalog : ISpotifyCatalog
{
    private readonly ISpotifyCatalog _inner;
    private readonly ICache _cache;
    private readonly SpotifyCacheTtls _ttls;
    private ICacheRegion<SourceEntry>? _trackRegion;
    private ICacheRegion<IReadOnlyList<SourceEntry>>? _albumTracksRegion;
    private ICacheRegion<AlbumInfo>? _albumRegion;
    private ICacheRegion<SpotifyArtist>? _artistRegion;
    private ICacheRegion<bool>? _flagRegion;
    private ICacheRegion<IReadOnlyList<string>>? _artistAlbumsRegion;
    private ICacheRegion<CachedPlaylist>? _playlistRegion;
    private ICacheRegion<SpotifyPlaylist>? _playlistV1Region;
    private ICacheRegion<SpotifyLikedSongs>? _likedSongsRegion;

    public CachingSpotifyCatalog(ISpotifyCatalog inner, ICache cache, SpotifyCacheTtls? ttls = null)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _cache = cache ?? throw new ArgumentNullException(nameof(cache));
        _ttls = ttls ?? new SpotifyCacheTtls();
    }

    // Each handle made at its first use: a handle's JSON contract is built when asked for (the track one builds the whole
    // Track graph, ~25 ms at start), and an unchanged playlist needs only its own. Two threads making one at once get
    // equal handles on the one region.
    private static SpotifyCacheJsonContext Json => SpotifyCacheJsonContext.Default;

    private ICacheRegion<SourceEntry> TrackCache => _trackRegion ??= _cache.Region(CacheRegions.Spotify, Json.SourceEntry);

    private ICacheRegion<IReadOnlyList<SourceEntry>> AlbumTracksCache => _albumTracksRegion ??= _cache.Region(CacheRegions.Spotify, Json.IReadOnlyListSourceEntry);

    private ICacheRegion<AlbumInfo> AlbumCache => _albumRegion ??= _cache.Region(CacheRegions.Spotify, Json.AlbumInfo);

    private ICacheRegion<SpotifyArtist> ArtistCache => _artistRegion ??= _cache.Region(CacheRegions.Spotify, Json.SpotifyArtist);

    private ICacheRegion<bool> FlagCache => _flagRegion ??= _cache.Region(CacheRegions.Spotify, Json.Boolean);

    private ICacheRegion<IReadOnlyList<string>> ArtistAlbumsCache => _artistAlbumsRegion ??= _cache.Region(CacheRegions.Spotify, Json.IReadOnlyListString);

    private ICacheRegion<CachedPlaylist> PlaylistCache => _playlistRegion ??= _cache.Region(CacheRegions.Spotify, Json.CachedPlaylist);

    private ICacheRegion<SpotifyPlaylist> PlaylistV1Cache => _playlistV1Region ??= _cache.Region(CacheRegions.Spotify, Json.SpotifyPlaylist);

    private ICacheRegion<SpotifyLikedSongs> LikedSongsCache => _likedSongsRegion ??= _cache.Region(CacheRegions.Spotify, Json.SpotifyLikedSongs);

    public string Market => _inner.Market;

    public Task<SourceEntry> GetTrackAsync(string id, CancellationToken cancellationToken) =>
        GetOrFetchAsync(TrackCache, SpotifyCacheKeys.Track(id, Market), _ttls.Track, ct => _inner.GetTrackAsync(id, ct), cancellationToken);

    /// <summary>Info and track list under their own keys; a cold album costs one read, however many threads ask.</summary>
    public async Task<SpotifyAlbum> GetAlbumAsync(string id, CancellationToken cancellationToken)
    {
        var info = await GetAlbumInfoAsync(id, cancellationToken).ConfigureAwait(false);
        var tracks = await GetOrFetchAsync(
            AlbumTracksCache,
            SpotifyCacheKeys.AlbumTracks(id, Market),
            _ttls.Album,
            async ct =>
            {
                var album = await _inner.GetAlbumAsync(id, ct).ConfigureAwait(false);
                await AlbumCache.SetAsync(SpotifyCacheKeys.Album(id), album.Info, _ttls.Album, ct).ConfigureAwait(false);
                info = album.Info;
                return album.Tracks;
            },
            cancellationToken).ConfigureAwait(false);
        return new SpotifyAlbum(info, tracks);
    }

    public Task<AlbumInfo> GetAlbumInfoAsync(string id, CancellationToken cancellationToken) =>
        GetOrFetchAsync(
            AlbumCache,
            SpotifyCacheKeys.Album(id),
            _ttls.Album,
            async ct =>
            {
                // The album read gives its tracks too: keep them, the next question is often the list.
                var album = await _inner.GetAlbumAsync(id, ct).ConfigureAwait(false);
                await AlbumTracksCache.SetAsync(SpotifyCacheKeys.AlbumTracks(id, Market), album.Tracks, _ttls.Album, ct).ConfigureAwait(false);
                return album.Info;
            },
            cancellationToken);

    public async Task<SpotifyArtist> GetArtistAsync(string id, CancellationToken cancellationToken)
    {
        var artist = await GetOrFetchAsync(ArtistCache, SpotifyCacheKeys.Artist(id), _ttls.Artist, ct => _inner.GetArtistAsync(id, ct), cancellationToken).ConfigureAwait(false);
        if (artist.GenresWithheld)
        {
            await FlagCache.SetAsync(SpotifyCacheKeys.ArtistGenresWithheld, true, _ttls.Artist, cancellationToken).ConfigureAwait(false);
        }

        return artist;
    }

    public async Task<bool> ArtistGenresWithheldAsync(CancellationToken cancellationToken) =>
        await _inner.ArtistGenresWithheldAsync(cancellationToken).ConfigureAwait(false)
        || (await FlagCache.GetAsync(SpotifyCacheKeys.ArtistGenresWithheld, cancellationToken).ConfigureAwait(false)) is { IsHit: true, Value: true };

    public Task<IReadOnlyList<string>> GetArtistAlbumIdsAsync(string id, CancellationToken cancellationToken) =>
        GetOrFetchAsync(
            ArtistAlbumsCache,
            SpotifyCacheKeys.ArtistAlbums(id, Market),
            _ttls.ArtistAlbums,
            ct => _inner.GetArtistAlbumIdsAsync(id, ct),
            cancellationToken);

    /// <summary>Never cached: it is the question "has the playlist changed?".</summary>
    public Task<string> GetPlaylistSnapshotAsync(string id, CancellationToken cancellationToken) =>
        _inner.GetPlaylistSnapshotAsync(id, cancellationToken);

    public async Task<SpotifyPlaylist> GetPlaylistAsync(string id, CancellationToken cancellationToken)
    {
        var snapshot = await _inner.GetPlaylistSnapshotAsync(id, cancellationToken).ConfigureAwait(false);
        Profiling.Phases.Mark("playlist snapshot");
        var cached = await PlaylistCache.GetAsync(SpotifyCacheKeys.Playlist(id, snapshot, Market), cancellationToken).ConfigureAwait(false);
        Profiling.Phases.Mark("playlist cache read");
        if (cached is { IsHit: true, Value: { } hit } && hit.ToPlaylist() is { } playlist)
        {
            return playlist;
        }

        // An entry of the first shape (written before version 2) is as good: read once, then kept in the new shape.
        var old = await PlaylistV1Cache.GetAsync(SpotifyCacheKeys.PlaylistV1(id, snapshot, Market), cancellationToken).ConfigureAwait(false);
        if (old is { IsHit: true, Value: { } oldHit })
        {
            await StorePlaylistAsync(id, oldHit, cancellationToken).ConfigureAwait(false);
            return oldHit;
        }

        var read = await _inner.GetPlaylistAsync(id, cancellationToken).ConfigureAwait(false);
        await StorePlaylistAsync(id, read, cancellationToken).ConfigureAwait(false);
        return read;
    }

    // The playlist may have changed between the snapshot read and the entries read: filed under the snapshot it was read at.
    private Task StorePlaylistAsync(string id, SpotifyPlaylist playlist, CancellationToken cancellationToken) =>
        PlaylistCache.SetAsync(SpotifyCacheKeys.Playlist(id, playlist.SnapshotId, Market), CachedPlaylist.From(playlist), _ttls.PlaylistSnapshot, cancellationToken).AsTask();

    public Task<SavedTracksPage> GetSavedTracksFirstPageAsync(CancellationToken cancellationToken) =>
        _inner.GetSavedTracksFirstPageAsync(cancellationToken);

    public Task<SpotifyLikedSongs> GetSavedTracksRestAsync(SavedTracksPage first, CancellationToken cancellationToken) =>
        _inner.GetSavedTracksRestAsync(first, cancellationToken);

    /// <summary>
    /// One page of /me/tracks: when the total and the newest added_at are unchanged, the cached list is current
    /// (a removal changes the total; an addition the newest date).
    /// </summary>
    public async Task<SpotifyLikedSongs> GetLikedSongsAsync(CancellationToken cancellationToken)
    {
        var first = await _inner.GetSavedTracksFirstPageAsync(cancellationToken).ConfigureAwait(false);
        var key = SpotifyCacheKeys.LikedSongs(Market);
        var cached = await LikedSongsCache.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (cached is { IsHit: true, Value: { } hit } && hit.Total == first.Total && hit.NewestAddedAt == first.NewestAddedAt)
        {
            return hit;
        }

        var all = await _inner.GetSavedTracksRestAsync(first, cancellationToken).ConfigureAwait(false);
        await LikedSongsCache.SetAsync(key, all, _ttls.LikedSongs, cancellationToken).ConfigureAwait(false);
        return all;
    }

    public Task<SpotifySource> ResolveShortLinkAsync(string link, CancellationToken cancellationToken) =>
        _inner.ResolveShortLinkAsync(link, cancellationToken);

    /// <summary>One read under its key in <paramref name="region"/> (single flight); the public page reader keeps its pages the same way.</summary>
    internal static async Task<T> GetOrFetchAsync<T>(ICacheRegion<T> region, string key, TimeSpan ttl, Func<CancellationToken, Task<T>> fetch, CancellationToken cancellationToken)
    {
        // Single flight: threads asking for the same track or artist together cost one request.
        var lookup = await region.GetOrCreateAsync(
            key,
            async ct => CacheLookup<T>.Found(await fetch(ct).ConfigureAwait(false), ttl),
            cancellationToken).ConfigureAwait(false);
        return lookup is { IsHit: true, Value: { } value } ? value : await fetch(cancellationToken).ConfigureAwait(false);
    }
}

using System.Text.Json.Serialization.Metadata;
using MusicDl.Caching;
using MusicDl.Models;

namespace MusicDl.Spotify;

/// <summary>
/// The Spotify client behind the <c>spotify</c> cache region: each single read under its own key, so sources
/// share tracks, albums and artists. An unchanged playlist costs one request (its snapshot id); Liked Songs one page.
/// </summary>
public sealed class CachingSpotifyClient : ISpotifyClient, ISpotifyCatalog
{
    private readonly ISpotifyCatalog _inner;
    private readonly ICacheRegion _region;
    private readonly SpotifyCacheTtls _ttls;
    private readonly SpotifyResolver _resolver;

    public CachingSpotifyClient(ISpotifyCatalog inner, ICacheRegion region, SpotifyCacheTtls? ttls = null)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _region = region ?? throw new ArgumentNullException(nameof(region));
        _ttls = ttls ?? new SpotifyCacheTtls();
        _resolver = new SpotifyResolver(this);
    }

    public string Market => _inner.Market;

    public long RequestCount => _inner.RequestCount;

    public Task<ResolvedSource> ResolveAsync(SpotifySource source, CancellationToken cancellationToken) =>
        _resolver.ResolveAsync(source, cancellationToken);

    public Task<Track> CompleteAsync(Track track, CancellationToken cancellationToken) =>
        _resolver.CompleteAsync(track, cancellationToken);

    /// <inheritdoc />
    public Task<Track> CompleteIsrcAsync(Track track, CancellationToken cancellationToken) =>
        _resolver.CompleteIsrcAsync(track, cancellationToken);

    public Task<SourceEntry> GetTrackAsync(string id, CancellationToken cancellationToken) =>
        GetOrFetchAsync(SpotifyCacheKeys.Track(id, Market), SpotifyCacheJsonContext.Default.SourceEntry, _ttls.Track, ct => _inner.GetTrackAsync(id, ct), cancellationToken);

    /// <summary>Info and track list under their own keys; a cold album costs one read, however many threads ask.</summary>
    public async Task<SpotifyAlbum> GetAlbumAsync(string id, CancellationToken cancellationToken)
    {
        var info = await GetAlbumInfoAsync(id, cancellationToken).ConfigureAwait(false);
        var tracks = await GetOrFetchAsync(
            SpotifyCacheKeys.AlbumTracks(id, Market),
            SpotifyCacheJsonContext.Default.IReadOnlyListSourceEntry,
            _ttls.Album,
            async ct =>
            {
                var album = await _inner.GetAlbumAsync(id, ct).ConfigureAwait(false);
                await _region.SetAsync(SpotifyCacheKeys.Album(id), album.Info, SpotifyCacheJsonContext.Default.AlbumInfo, _ttls.Album, ct).ConfigureAwait(false);
                info = album.Info;
                return album.Tracks;
            },
            cancellationToken).ConfigureAwait(false);
        return new SpotifyAlbum(info, tracks);
    }

    public Task<AlbumInfo> GetAlbumInfoAsync(string id, CancellationToken cancellationToken) =>
        GetOrFetchAsync(
            SpotifyCacheKeys.Album(id),
            SpotifyCacheJsonContext.Default.AlbumInfo,
            _ttls.Album,
            async ct =>
            {
                // The album read gives its tracks too: keep them, the next question is often the list.
                var album = await _inner.GetAlbumAsync(id, ct).ConfigureAwait(false);
                await _region.SetAsync(SpotifyCacheKeys.AlbumTracks(id, Market), album.Tracks, SpotifyCacheJsonContext.Default.IReadOnlyListSourceEntry, _ttls.Album, ct).ConfigureAwait(false);
                return album.Info;
            },
            cancellationToken);

    public Task<SpotifyArtist> GetArtistAsync(string id, CancellationToken cancellationToken) =>
        GetOrFetchAsync(SpotifyCacheKeys.Artist(id), SpotifyCacheJsonContext.Default.SpotifyArtist, _ttls.Artist, ct => _inner.GetArtistAsync(id, ct), cancellationToken);

    public Task<IReadOnlyList<string>> GetArtistAlbumIdsAsync(string id, CancellationToken cancellationToken) =>
        GetOrFetchAsync(
            SpotifyCacheKeys.ArtistAlbums(id, Market),
            SpotifyCacheJsonContext.Default.IReadOnlyListString,
            _ttls.ArtistAlbums,
            ct => _inner.GetArtistAlbumIdsAsync(id, ct),
            cancellationToken);

    /// <summary>Never cached: it is the question "has the playlist changed?".</summary>
    public Task<string> GetPlaylistSnapshotAsync(string id, CancellationToken cancellationToken) =>
        _inner.GetPlaylistSnapshotAsync(id, cancellationToken);

    public async Task<SpotifyPlaylist> GetPlaylistAsync(string id, CancellationToken cancellationToken)
    {
        var snapshot = await _inner.GetPlaylistSnapshotAsync(id, cancellationToken).ConfigureAwait(false);
        var key = SpotifyCacheKeys.Playlist(id, snapshot, Market);
        var cached = await _region.GetAsync(key, SpotifyCacheJsonContext.Default.SpotifyPlaylist, cancellationToken).ConfigureAwait(false);
        if (cached is { IsHit: true, Value: { } hit })
        {
            return hit;
        }

        var playlist = await _inner.GetPlaylistAsync(id, cancellationToken).ConfigureAwait(false);

        // The playlist may have changed between the two reads: file it under the snapshot it was read at.
        var readKey = SpotifyCacheKeys.Playlist(id, playlist.SnapshotId, Market);
        await _region.SetAsync(readKey, playlist, SpotifyCacheJsonContext.Default.SpotifyPlaylist, _ttls.PlaylistSnapshot, cancellationToken).ConfigureAwait(false);
        return playlist;
    }

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
        var cached = await _region.GetAsync(key, SpotifyCacheJsonContext.Default.SpotifyLikedSongs, cancellationToken).ConfigureAwait(false);
        if (cached is { IsHit: true, Value: { } hit } && hit.Total == first.Total && hit.NewestAddedAt == first.NewestAddedAt)
        {
            return hit;
        }

        var all = await _inner.GetSavedTracksRestAsync(first, cancellationToken).ConfigureAwait(false);
        await _region.SetAsync(key, all, SpotifyCacheJsonContext.Default.SpotifyLikedSongs, _ttls.LikedSongs, cancellationToken).ConfigureAwait(false);
        return all;
    }

    public Task<SpotifySource> ResolveShortLinkAsync(string link, CancellationToken cancellationToken) =>
        _inner.ResolveShortLinkAsync(link, cancellationToken);

    private async Task<T> GetOrFetchAsync<T>(string key, JsonTypeInfo<T> type, TimeSpan ttl, Func<CancellationToken, Task<T>> fetch, CancellationToken cancellationToken)
    {
        // Single flight: threads asking for the same track or artist together cost one request.
        var lookup = await _region.GetOrCreateAsync(
            key,
            type,
            async ct => CacheLookup<T>.Found(await fetch(ct).ConfigureAwait(false), ttl),
            cancellationToken).ConfigureAwait(false);
        return lookup is { IsHit: true, Value: { } value } ? value : await fetch(cancellationToken).ConfigureAwait(false);
    }
}

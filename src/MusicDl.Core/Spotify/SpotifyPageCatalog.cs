using System.Net;
using MusicDl.Caching;
using MusicDl.Http;
using MusicDl.Models;

namespace MusicDl.Spotify;

/// <summary>
/// The catalog read from Spotify's public embed pages (<c>/embed/{track|album|playlist}/{id}</c>): no account, no
/// token. Only the page's <c>__NEXT_DATA__</c> entity is read (<see cref="SpotifyPageParser"/>). Track and album pages
/// are kept in the <c>spotify</c> region as long as the Web API's objects; a playlist page is read on every run, as
/// it is the only way to see whether the playlist changed. Artists and Liked Songs are not on any public page.
/// </summary>
internal sealed class SpotifyPageCatalog : ISpotifyCatalog
{
    /// <summary>A playlist page lists at most this many entries, and no total (protocols.md).</summary>
    public const int PlaylistPageLimit = 100;

    // A page is about 100 KB; anything far larger is not the page we know.
    private const int MaxPageChars = 8 * 1024 * 1024;

    private readonly SpotifyTransport _transport;
    private readonly SpotifyCacheTtls _ttls;
    private readonly ICacheRegion<SourceEntry>? _tracks;
    private readonly ICacheRegion<SpotifyAlbum>? _albums;

    public SpotifyPageCatalog(SpotifyTransport transport, ICache? cache, SpotifyCacheTtls? ttls = null)
    {
        _transport = transport;
        _ttls = ttls ?? new SpotifyCacheTtls();
        _tracks = cache?.Region(CacheRegions.Spotify, SpotifyCacheJsonContext.Default.SourceEntry);
        _albums = cache?.Region(CacheRegions.Spotify, SpotifyCacheJsonContext.Default.SpotifyAlbum);
    }

    /// <summary>Pages are not per market.</summary>
    public string Market => "public";

    public Task<SourceEntry> GetTrackAsync(string id, CancellationToken cancellationToken) =>
        CachedAsync(_tracks, $"page_track:{id}", _ttls.Track, async ct =>
        {
            var page = await ReadAsync("track", id, ct).ConfigureAwait(false);
            return TrackEntry(page, id);
        }, cancellationToken);

    public Task<SpotifyAlbum> GetAlbumAsync(string id, CancellationToken cancellationToken) =>
        CachedAsync(_albums, $"page_album:{id}", _ttls.Album, async ct =>
        {
            var page = await ReadAsync("album", id, ct).ConfigureAwait(false);
            var info = new AlbumInfo
            {
                Id = page.Id ?? id,
                Name = page.Name,
                Artists = SplitArtists(page.Subtitle),
                ReleaseDate = page.ReleaseDate,
                TotalTracks = page.Items.Count,
                Images = page.Cover,
            };

            // The album page lists its tracks in album order; its discs are not told apart.
            return new SpotifyAlbum(info, Entries(page.Items, info, numbered: true));
        }, cancellationToken);

    public async Task<AlbumInfo> GetAlbumInfoAsync(string id, CancellationToken cancellationToken) =>
        (await GetAlbumAsync(id, cancellationToken).ConfigureAwait(false)).Info;

    public Task<SpotifyArtist> GetArtistAsync(string id, CancellationToken cancellationToken) => throw ArtistNeedsApi(id);

    /// <summary>Pages carry no genres.</summary>
    public Task<bool> ArtistGenresWithheldAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<IReadOnlyList<string>> GetArtistAlbumIdsAsync(string id, CancellationToken cancellationToken) => throw ArtistNeedsApi(id);

    /// <summary>A page has no snapshot id: the page itself is the question "has the playlist changed?".</summary>
    public Task<string> GetPlaylistSnapshotAsync(string id, CancellationToken cancellationToken) =>
        throw new NotSupportedException("public playlist pages have no snapshot id");

    public async Task<SpotifyPlaylist> GetPlaylistAsync(string id, CancellationToken cancellationToken)
    {
        var page = await ReadAsync("playlist", id, cancellationToken).ConfigureAwait(false);
        return new SpotifyPlaylist(page.Id ?? id, page.Name, string.Empty, null, Entries(page.Items, album: null, numbered: false));
    }

    public Task<SavedTracksPage> GetSavedTracksFirstPageAsync(CancellationToken cancellationToken) => throw LikedSongs();

    public Task<SpotifyLikedSongs> GetSavedTracksRestAsync(SavedTracksPage first, CancellationToken cancellationToken) => throw LikedSongs();

    public Task<SpotifyLikedSongs> GetLikedSongsAsync(CancellationToken cancellationToken) => throw LikedSongs();

    public Task<SpotifySource> ResolveShortLinkAsync(string link, CancellationToken cancellationToken) =>
        SpotifyShortLinks.ResolveAsync(_transport, link, cancellationToken);

    private static ServiceException ArtistNeedsApi(string id) =>
        SpotifyFailure.Rejected($"An artist's discography (artist {id}) is not on Spotify's public pages: it needs the Web API. Set client_id and client_secret (spotify_access: auto or api; see docs/spotify.md), or download the artist's albums by their links.");

    private static ServiceException LikedSongs() =>
        SpotifyFailure.Rejected("Liked Songs are not on Spotify's public pages: they need the Web API and a login (set client_id, then run `musicdl auth login`; see docs/spotify.md).");

    private async Task<SpotifyPageEntity> ReadAsync(string kind, string id, CancellationToken cancellationToken)
    {
        if (!SpotifyId.IsValid(id))
        {
            throw SpotifyFailure.Rejected($"'{id}' is not a Spotify id (22 letters and digits).");
        }

        var url = new Uri($"{_transport.OpenBase}/embed/{kind}/{id}");
        string html;
        using (var response = await _transport.SendPageAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.TryAddWithoutValidation("Accept", "text/html");
                return request;
            },
            cancellationToken).ConfigureAwait(false))
        {
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone or HttpStatusCode.Forbidden)
            {
                throw NotPublic(kind, id, (int)response.StatusCode);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw SpotifyFailure.Rejected($"Spotify's public page for {kind} {id} answered HTTP {(int)response.StatusCode}.", (int)response.StatusCode);
            }

            try
            {
                html = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                throw SpotifyFailure.Unavailable($"The connection broke while reading Spotify's public page for {kind} {id}.", ex);
            }
        }

        if (html.Length > MaxPageChars)
        {
            throw SpotifyFailure.PageChanged($"the {kind} page is {html.Length / (1024 * 1024)} MB");
        }

        return SpotifyPageParser.Parse(html, kind) ?? throw NotPublic(kind, id, 200);
    }

    private static ServiceException NotPublic(string kind, string id, int status) =>
        SpotifyFailure.Rejected($"Spotify's public page for {kind} {id} has no {kind}: it is not public, or does not exist; check the link.", status == 200 ? 404 : status);

    private static SourceEntry TrackEntry(SpotifyPageEntity page, string id)
    {
        var track = new Track
        {
            Id = page.Id ?? id,
            Title = page.Name,
            Artists = page.Artists.Count > 0 ? page.Artists : SplitArtists(page.Subtitle),
            Album = new AlbumInfo { Id = string.Empty, Name = string.Empty, ReleaseDate = page.ReleaseDate, Images = page.Cover },
            DurationMs = page.DurationMs,
            Explicit = page.Explicit,
            FromPublicPage = true,
        };
        return page.Playable ? SourceEntry.Supported(1, track) : SourceEntry.Unsupported(1, "not playable (Spotify's public page says so)", track: track);
    }

    private static SourceEntry[] Entries(IReadOnlyList<SpotifyPageItem> items, AlbumInfo? album, bool numbered)
    {
        var entries = new SourceEntry[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var position = i + 1;
            if (item.Uri.StartsWith("spotify:episode:", StringComparison.Ordinal))
            {
                entries[i] = SourceEntry.Unsupported(position, "podcast episode", item.Title);
                continue;
            }

            var id = item.Uri.StartsWith("spotify:track:", StringComparison.Ordinal) ? SpotifyPageParser.IdOf(item.Uri) : null;
            if (id is null)
            {
                entries[i] = SourceEntry.Unsupported(position, "no Spotify track id", item.Title);
                continue;
            }

            var track = new Track
            {
                Id = id,
                Title = item.Title,
                Artists = SplitArtists(item.Subtitle),
                Album = album ?? new AlbumInfo { Id = string.Empty, Name = string.Empty },
                TrackNumber = numbered ? position : 0,
                DurationMs = item.DurationMs,
                Explicit = item.Explicit,
                FromPublicPage = true,
            };
            entries[i] = item.Playable
                ? SourceEntry.Supported(position, track)
                : SourceEntry.Unsupported(position, "not playable (Spotify's public page says so)", track: track);
        }

        return entries;
    }

    // A list entry names its artists only as "A, B": split where no better source exists (an artist named
    // "Tyler, The Creator" comes apart; the Web API, where available, completes the track with the real list).
    private static IReadOnlyList<ArtistRef> SplitArtists(string? subtitle) =>
        string.IsNullOrWhiteSpace(subtitle)
            ? []
            : subtitle.Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => new ArtistRef(null, n)).ToArray();

    private static Task<T> CachedAsync<T>(ICacheRegion<T>? region, string key, TimeSpan ttl, Func<CancellationToken, Task<T>> fetch, CancellationToken cancellationToken) =>
        region is null ? fetch(cancellationToken) : CachingSpotifyCatalog.GetOrFetchAsync(region, key, ttl, fetch, cancellationToken);
}

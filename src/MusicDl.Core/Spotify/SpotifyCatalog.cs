using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using MusicDl.Http;
using MusicDl.Models;
using MusicDl.Spotify.Wire;

namespace MusicDl.Spotify;

/// <summary>
/// The single reads of the Spotify Web API (2026 rules), made here: the bearer token from the token source (a 401
/// renews it once), the configured base, the mapping of 403/404 and other errors to secret-free messages, every
/// source kind, paging, both playlist dialects. Requests leave through <see cref="SpotifyTransport"/> (limiter,
/// retries, counters). What <see cref="SpotifyClient"/> resolves from, behind the cache decorator.
/// </summary>
internal sealed class SpotifyCatalog : ISpotifyCatalog
{
    private const string PlaylistMetaFields = "id,name,snapshot_id,owner(id,display_name)";
    private readonly SpotifyTransport _transport;
    private readonly ISpotifyTokenSource _tokens;
    private readonly ILogger? _log;

    public SpotifyCatalog(SpotifyTransport transport, ISpotifyTokenSource tokens, string? market, ILogger? log = null)
    {
        _transport = transport;
        _tokens = tokens;
        _log = log;
        Market = market ?? (tokens.IsUser ? "from_token" : "US");
    }

    /// <inheritdoc />
    public string Market { get; }

    private bool _genresWithheld;

    /// <inheritdoc />
    public async Task<SourceEntry> GetTrackAsync(string id, CancellationToken cancellationToken)
    {
        var wire = await GetSourceAsync($"/tracks/{Id(id)}?market={Market}", WireJsonContext.Default.WireTrack, "track", id, cancellationToken).ConfigureAwait(false);
        return SpotifyMapper.ToEntry(1, wire, false, null, Market);
    }

    /// <inheritdoc />
    public async Task<SpotifyAlbum> GetAlbumAsync(string id, CancellationToken cancellationToken)
    {
        var wire = await GetSourceAsync($"/albums/{Id(id)}?market={Market}", WireJsonContext.Default.WireAlbum, "album", id, cancellationToken).ConfigureAwait(false);
        var first = wire.Tracks ?? new WirePaging<WireTrack>([], $"/v1/albums/{id}/tracks?limit=50&offset=0&market={Market}", 0, 0, 50);
        var items = await ReadPagesAsync(first, WireJsonContext.Default.WirePagingWireTrack, cancellationToken).ConfigureAwait(false);
        var discCount = items.Count == 0 ? (int?)null : items.Max(t => t is null ? 1 : Math.Max(1, t.DiscNumber));
        var info = SpotifyMapper.MapAlbum(wire, discCount) with
        {
            DiscTrackCounts = discCount is { } discs
                ? Enumerable.Range(1, discs).Select(d => items.Count(t => (t is null ? 1 : Math.Max(1, t.DiscNumber)) == d)).ToArray()
                : [],
        };
        var entries = items.Select((t, i) => SpotifyMapper.ToEntry(i + 1, t, false, info, Market)).ToArray();
        return new SpotifyAlbum(info, entries);
    }

    /// <inheritdoc />
    public async Task<AlbumInfo> GetAlbumInfoAsync(string id, CancellationToken cancellationToken) =>
        (await GetAlbumAsync(id, cancellationToken).ConfigureAwait(false)).Info;

    /// <inheritdoc />
    public async Task<SpotifyArtist> GetArtistAsync(string id, CancellationToken cancellationToken)
    {
        var wire = await GetSourceAsync($"/artists/{Id(id)}", WireJsonContext.Default.WireArtist, "artist", id, cancellationToken).ConfigureAwait(false);
        if (wire.Genres is null)
        {
            _genresWithheld = true;
        }

        return new SpotifyArtist(wire.Id ?? id, wire.Name ?? string.Empty, wire.Genres ?? [], GenresWithheld: wire.Genres is null);
    }

    public Task<bool> ArtistGenresWithheldAsync(CancellationToken cancellationToken) => Task.FromResult(Volatile.Read(ref _genresWithheld));

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> GetArtistAlbumIdsAsync(string id, CancellationToken cancellationToken)
    {
        // Albums and singles as the original app takes them; compilations and appears-on are other people's records.
        var first = await GetSourceAsync(
            $"/artists/{Id(id)}/albums?include_groups=album,single&limit=10&offset=0&market={Market}",
            WireJsonContext.Default.WirePagingWireAlbum,
            "artist",
            id,
            cancellationToken).ConfigureAwait(false);
        var albums = await ReadPagesAsync(first, WireJsonContext.Default.WirePagingWireAlbum, cancellationToken).ConfigureAwait(false);
        return albums
            .Where(a => a is not null && SpotifyId.IsValid(a.Id) && a.AlbumGroup is null or "album" or "single")
            .Select(a => a!.Id!)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    /// <inheritdoc />
    public async Task<string> GetPlaylistSnapshotAsync(string id, CancellationToken cancellationToken)
    {
        var wire = await GetPlaylistMetaAsync(id, "snapshot_id", cancellationToken).ConfigureAwait(false);
        return wire.SnapshotId ?? throw SpotifyFailure.Unparseable($"Spotify gave no snapshot_id for playlist {id}.");
    }

    /// <inheritdoc />
    public async Task<SpotifyPlaylist> GetPlaylistAsync(string id, CancellationToken cancellationToken)
    {
        var meta = await GetPlaylistMetaAsync(id, PlaylistMetaFields, cancellationToken).ConfigureAwait(false);
        var items = await GetPlaylistItemsAsync(id, cancellationToken).ConfigureAwait(false);
        var entries = items.Select((e, i) => SpotifyMapper.ToEntry(i + 1, e?.Content, e?.IsLocal ?? false, null, Market)).ToArray();
        return new SpotifyPlaylist(meta.Id ?? id, meta.Name ?? string.Empty, meta.SnapshotId ?? string.Empty, meta.Owner?.Id, entries);
    }

    /// <inheritdoc />
    public async Task<SavedTracksPage> GetSavedTracksFirstPageAsync(CancellationToken cancellationToken)
    {
        if (!_tokens.IsUser)
        {
            throw SpotifyFailure.Rejected("Liked Songs need a user login: run `musicdl auth login` (the app must be allowed scope user-library-read).");
        }

        var page = await GetSourceAsync($"/me/tracks?limit=50&offset=0&market={Market}", WireJsonContext.Default.WirePagingWireSavedTrack, "liked", "songs", cancellationToken).ConfigureAwait(false);
        var items = page.Items ?? [];
        var newest = items.Select(i => i?.AddedAt).Where(a => a is not null).DefaultIfEmpty(null).Max();
        var entries = items.Select((s, i) => SpotifyMapper.ToEntry(i + 1, s?.Track, false, null, Market)).ToArray();
        return new SavedTracksPage(page.Total, newest, entries, page.Next);
    }

    /// <inheritdoc />
    public async Task<SpotifyLikedSongs> GetSavedTracksRestAsync(SavedTracksPage first, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(first);
        var entries = new List<SourceEntry>(first.Entries);
        var rest = await ReadPagesAsync(
            new WirePaging<WireSavedTrack>([], first.Next, first.Total, 0, 50),
            WireJsonContext.Default.WirePagingWireSavedTrack,
            cancellationToken).ConfigureAwait(false);
        foreach (var saved in rest)
        {
            entries.Add(SpotifyMapper.ToEntry(entries.Count + 1, saved?.Track, false, null, Market));
        }

        return new SpotifyLikedSongs(first.Total, first.NewestAddedAt, entries);
    }

    /// <inheritdoc />
    public async Task<SpotifyLikedSongs> GetLikedSongsAsync(CancellationToken cancellationToken)
    {
        var first = await GetSavedTracksFirstPageAsync(cancellationToken).ConfigureAwait(false);
        return await GetSavedTracksRestAsync(first, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<SpotifySource> ResolveShortLinkAsync(string link, CancellationToken cancellationToken) =>
        SpotifyShortLinks.ResolveAsync(_transport, link, cancellationToken);

    /// <summary>Who the token belongs to (<c>GET /me</c>), for <c>musicdl auth status</c>; not a source read, so not cached.</summary>
    public Task<WireUser> GetUserAsync(CancellationToken cancellationToken) =>
        GetAsync(Api("/me"), WireJsonContext.Default.WireUser, cancellationToken);

    private async Task<WirePlaylist> GetPlaylistMetaAsync(string id, string fields, CancellationToken cancellationToken)
    {
        try
        {
            return await GetAsync(Api($"/playlists/{Id(id)}?fields={Uri.EscapeDataString(fields)}"), WireJsonContext.Default.WirePlaylist, cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceException ex) when (ex.Status == HttpStatusCode.NotFound)
        {
            throw SpotifyFailure.Rejected(
                $"Spotify answers 404 for playlist {id}: it does not exist, is private to someone else, or is a Spotify-made (editorial/algorithmic) playlist, which apps cannot read since November 2024; copy its songs into a playlist of your own.",
                404,
                ex);
        }
        catch (ServiceException ex) when (ex.Status == HttpStatusCode.Forbidden)
        {
            throw PlaylistForbidden(id, ex);
        }
    }

    private async Task<IReadOnlyList<WirePlaylistItem?>> GetPlaylistItemsAsync(string id, CancellationToken cancellationToken)
    {
        WirePaging<WirePlaylistItem> first;
        try
        {
            try
            {
                first = await GetAsync(
                    Api($"/playlists/{Id(id)}/items?limit=50&offset=0&market={Market}&additional_types=track,episode"),
                    WireJsonContext.Default.WirePagingWirePlaylistItem,
                    cancellationToken).ConfigureAwait(false);
            }
            catch (ServiceException ex) when (ex.Status == HttpStatusCode.NotFound)
            {
                // Apps with extended quota (and older API versions) still speak the /tracks dialect.
                first = await GetAsync(
                    Api($"/playlists/{Id(id)}/tracks?limit=100&offset=0&market={Market}&additional_types=track,episode"),
                    WireJsonContext.Default.WirePagingWirePlaylistItem,
                    cancellationToken).ConfigureAwait(false);
            }

            return await ReadPagesAsync(first, WireJsonContext.Default.WirePagingWirePlaylistItem, cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceException ex) when (ex.Status == HttpStatusCode.Forbidden)
        {
            throw PlaylistForbidden(id, ex);
        }
    }

    private ServiceException PlaylistForbidden(string id, Exception inner) =>
        SpotifyFailure.Rejected(
            _tokens.IsUser
                ? $"Spotify does not let this app read the items of playlist {id} (403): a Development Mode app reads only playlists the logged-in user owns or collaborates on. Log in as its owner or a collaborator, or copy the playlist into your own account."
                : $"Spotify does not let this app read the items of playlist {id} (403): since March 2026 an app reads only playlists of a logged-in user who owns or collaborates on them. Run `musicdl auth login` as its owner or a collaborator, or copy the playlist into your own account.",
            403,
            inner);

    /// <summary>The most items one source (album, playlist, artist, Liked Songs) yields; the rest is left, said in one line.</summary>
    internal const int MaxItemsPerSource = 10_000;

    /// <summary>
    /// Every item of a paging object, following <c>next</c> (moved onto the configured base) until null, bounded
    /// whatever the answers say: at most <c>total / limit + 1</c> pages fetched (total and limit as the first page with
    /// items reported them; total counted up to <see cref="MaxItemsPerSource"/>), no page once the items reach
    /// <c>total</c>, none after an empty page, no <c>next</c> seen twice, and never more than
    /// <see cref="MaxItemsPerSource"/> items. (A page shorter than its limit is not taken as the last: with a market
    /// Spotify may leave items out of a page and still give its next.)
    /// </summary>
    private async Task<List<T?>> ReadPagesAsync<T>(WirePaging<T> first, JsonTypeInfo<WirePaging<T>> type, CancellationToken cancellationToken)
    {
        var items = new List<T?>(first.Items ?? []);
        var next = first.Next;
        var seen = new HashSet<string>(StringComparer.Ordinal);

        // A stand-in first page (an album without its embedded tracks) knows no total: the first fetched page sets it.
        var known = first.Total > 0 || items.Count > 0;
        var total = first.Total;
        var limit = Math.Max(1, first.Limit);
        var fetched = 0;
        while (!string.IsNullOrEmpty(next) && seen.Add(next))
        {
            if ((known && (items.Count >= total || fetched >= (Math.Min(total, MaxItemsPerSource) / limit) + 1)) || items.Count >= MaxItemsPerSource)
            {
                break;
            }

            var page = await GetAsync(Rebase(next), type, cancellationToken).ConfigureAwait(false);
            fetched++;
            var got = page.Items ?? [];
            items.AddRange(got);
            if (!known)
            {
                (known, total, limit) = (true, page.Total, Math.Max(1, page.Limit));
            }

            if (got.Count == 0)
            {
                // An empty page is the last, whatever its next says.
                break;
            }

            next = page.Next;
        }

        if (items.Count > MaxItemsPerSource || (items.Count == MaxItemsPerSource && total > MaxItemsPerSource))
        {
            _log?.LogWarning("a Spotify source lists {Total} items; only the first {Max} are read", Math.Max(total, items.Count), MaxItemsPerSource);
            items.RemoveRange(MaxItemsPerSource, items.Count - MaxItemsPerSource);
        }

        return items;
    }

    private async Task<T> GetSourceAsync<T>(string relative, JsonTypeInfo<T> type, string kind, string id, CancellationToken cancellationToken)
    {
        try
        {
            return await GetAsync(Api(relative), type, cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceException ex) when (ex.Status == HttpStatusCode.NotFound)
        {
            throw SpotifyFailure.Rejected($"Spotify has no {kind} {id} (404); check the link.", 404, ex);
        }
        catch (ServiceException ex) when (ex.Status == HttpStatusCode.Forbidden)
        {
            throw SpotifyFailure.Rejected($"Spotify does not let this app read {kind} {id} (403){(_tokens.IsUser ? string.Empty : "; try `musicdl auth login`")}.", 403, ex);
        }
    }

    /// <summary>An API URL from a path relative to the configured base ("/tracks/ID?market=US").</summary>
    private Uri Api(string relative) => new(_transport.ApiBase + relative);

    /// <summary>
    /// A paging object's <c>next</c>, moved onto the configured base: its path (without the leading /v1) and query
    /// (recorded and fake answers may name another host).
    /// </summary>
    private Uri Rebase(string next)
    {
        var uri = new Uri(next, UriKind.RelativeOrAbsolute);
        var pathAndQuery = uri.IsAbsoluteUri ? uri.PathAndQuery : next;
        if (pathAndQuery.StartsWith("/v1/", StringComparison.Ordinal))
        {
            pathAndQuery = pathAndQuery[3..];
        }

        return Api(pathAndQuery);
    }

    /// <summary>GETs an API resource with the bearer token; 401 once renews the token and repeats.</summary>
    private async Task<T> GetAsync<T>(Uri url, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await _tokens.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
            using var response = await _transport.SendApiAsync(
                () =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Get, url);
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    return request;
                },
                cancellationToken).ConfigureAwait(false);

            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 0)
            {
                await _tokens.InvalidateAsync(token, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw SpotifyFailure.Unauthorized("Spotify rejected a freshly issued access token (401); check the app's settings in the Spotify dashboard.");
            }

            if (!response.IsSuccessStatusCode)
            {
                var message = await ReadErrorMessageAsync(response, cancellationToken).ConfigureAwait(false);
                throw SpotifyFailure.Rejected(
                    $"Spotify answered {(int)response.StatusCode} for {SpotifyTransport.Describe(url)}{(message is null ? string.Empty : $" ({message})")}.",
                    (int)response.StatusCode);
            }

            return await SpotifyTransport.ReadJsonAsync(response, url, type, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The message of an API error body <c>{"error":{"status":N,"message":"..."}}</c>, if it is one.</summary>
    private static async Task<string?> ReadErrorMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String
                ? m.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Id(string id) =>
        SpotifyId.IsValid(id) ? id : throw SpotifyFailure.Rejected($"'{id}' is not a Spotify id (22 letters and digits).");
}

using System.Net;
using Microsoft.Extensions.Logging;
using MusicDl.Http;
using MusicDl.Models;

namespace MusicDl.Spotify;

/// <summary>
/// Resolving sources and completing tracks from single catalog reads, cached or not: <see cref="Catalog"/> is the
/// Web API or, when the client <see cref="ReadsPublicPagesOnly"/>, the public pages; under <c>spotify_access: auto</c>
/// with the Web API the public pages also read a playlist the API refuses (403 not owned, 404 Spotify-made).
/// </summary>
public sealed partial class SpotifyClient
{
    private const int AlbumParallelism = 4;

    /// <summary>
    /// Every entry of the source in source order (1-based positions). Episodes, local files, removed entries and
    /// tracks not playable in the market come back as unsupported entries with a reason.
    /// </summary>
    /// <exception cref="ServiceException">
    /// Of kind rejected: the source cannot be read (403, 404, login needed); unauthorized or rate-limited: Spotify cannot
    /// be used for this run (exit 3); unreachable, connection lost, timeout, server error: Spotify is down; unparseable:
    /// an answer not understood (<see cref="SpotifyFailure"/>).
    /// </exception>
    public async Task<ResolvedSource> ResolveAsync(SpotifySource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        switch (source.Kind)
        {
            case SourceKind.Track:
            {
                var entry = await Catalog.GetTrackAsync(RequireId(source), cancellationToken).ConfigureAwait(false);
                return new ResolvedSource(source, entry.Title ?? source.Id!, [entry]);
            }

            case SourceKind.Album:
            {
                var album = await Catalog.GetAlbumAsync(RequireId(source), cancellationToken).ConfigureAwait(false);
                return new ResolvedSource(source, album.Info.Name, album.Tracks);
            }

            case SourceKind.Playlist:
                return await ResolvePlaylistAsync(source, cancellationToken).ConfigureAwait(false);

            case SourceKind.Artist:
                return await ResolveArtistAsync(source, cancellationToken).ConfigureAwait(false);

            case SourceKind.LikedSongs:
            {
                var liked = await Catalog.GetLikedSongsAsync(cancellationToken).ConfigureAwait(false);
                return new ResolvedSource(source, "Liked Songs", liked.Entries);
            }

            case SourceKind.ShortLink:
            {
                var target = await Catalog.ResolveShortLinkAsync(source.Original, cancellationToken).ConfigureAwait(false);
                if (target.Kind == SourceKind.ShortLink)
                {
                    throw SpotifyFailure.Rejected($"The link {source.Original} leads to another short link; paste the open.spotify.com address instead.");
                }

                var resolved = await ResolveAsync(target, cancellationToken).ConfigureAwait(false);
                return resolved with { Source = target };
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(source), source.Kind, "Unknown source kind.");
        }
    }

    private async Task<ResolvedSource> ResolvePlaylistAsync(SpotifySource source, CancellationToken cancellationToken)
    {
        var id = RequireId(source);
        SpotifyPlaylist playlist;
        try
        {
            playlist = await Catalog.GetPlaylistAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (ServiceException ex) when (_pages is not null && ex.Kind == ServiceFailureKind.Rejected && ex.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            playlist = await _pages.GetPlaylistAsync(id, cancellationToken).ConfigureAwait(false);
            _log.LogWarning(
                "playlist {Id}: the Web API refused its items ({Status}); read from its public page instead{Cut}. Logged in as its owner or a collaborator (`musicdl auth login`), musicdl reads the whole playlist",
                id,
                ex.Status == HttpStatusCode.Forbidden ? "403, not a playlist of the logged-in user" : "404, a Spotify-made playlist or not public",
                playlist.Entries.Count >= SpotifyPageCatalog.PlaylistPageLimit ? ", which lists only its first 100 entries" : string.Empty);
            return new ResolvedSource(source, playlist.Name, playlist.Entries) { MayBeCut = playlist.Entries.Count >= SpotifyPageCatalog.PlaylistPageLimit };
        }

        if (ReadsPublicPagesOnly && playlist.Entries.Count >= SpotifyPageCatalog.PlaylistPageLimit)
        {
            _log.LogWarning(
                "playlist {Id}: without a login only its first {Limit} entries can be read (its public page lists no more); to get all of them, use the Web API as its owner or a collaborator (client_id, then `musicdl auth login`; docs/spotify.md)",
                id,
                SpotifyPageCatalog.PlaylistPageLimit);
        }

        return new ResolvedSource(source, playlist.Name, playlist.Entries)
        {
            SnapshotId = ReadsPublicPagesOnly ? null : playlist.SnapshotId,
            MayBeCut = ReadsPublicPagesOnly && playlist.Entries.Count >= SpotifyPageCatalog.PlaylistPageLimit,
        };
    }

    /// <summary>
    /// Only what matching needs and listing pages leave out: the ISRC, from one track request (cached); nothing when
    /// the track has it already. The album and artist requests serve tags only. A track read from a public page is
    /// replaced whole by the Web API's, when the run has the Web API.
    /// </summary>
    public async Task<Track> CompleteIsrcAsync(Track track, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        if (track.FromPublicPage)
        {
            return await FromApiAsync(track, cancellationToken).ConfigureAwait(false);
        }

        if (track.Isrc is not null || !SpotifyId.IsValid(track.Id))
        {
            return track;
        }

        var full = (await Catalog.GetTrackAsync(track.Id, cancellationToken).ConfigureAwait(false)).Track;
        return full is null ? track : track with { Isrc = full.Isrc, Explicit = track.Explicit || full.Explicit };
    }

    /// <summary>
    /// Fills in what listing pages leave out: the ISRC (full track), label/copyright/disc count (full album) and the
    /// genres (first artist's, fetched once per artist). Asks only for what is missing.
    /// </summary>
    public async Task<Track> CompleteAsync(Track track, CancellationToken cancellationToken)
    {
        var result = await CompleteIsrcAsync(track, cancellationToken).ConfigureAwait(false);

        // Listing pages give a simplified album: no label, copyright or UPC. The full album is shared by its tracks.
        if (result.Album.Label is null && result.Album.Copyright is null && SpotifyId.IsValid(result.Album.Id))
        {
            var album = await Catalog.GetAlbumInfoAsync(result.Album.Id, cancellationToken).ConfigureAwait(false);
            result = result with { Album = album };
        }

        if (result.Genres.Count == 0)
        {
            var genres = result.Album.Genres;
            if (genres.Count == 0 && result.Artists.FirstOrDefault(a => SpotifyId.IsValid(a.Id)) is { } first
                && !await Catalog.ArtistGenresWithheldAsync(cancellationToken).ConfigureAwait(false))
            {
                genres = (await Catalog.GetArtistAsync(first.Id!, cancellationToken).ConfigureAwait(false)).Genres;
            }

            result = result with { Genres = genres };
        }

        return result;
    }

    private async Task<Track> FromApiAsync(Track track, CancellationToken cancellationToken)
    {
        if (!SpotifyId.IsValid(track.Id))
        {
            return track;
        }

        if (ReadsPublicPagesOnly)
        {
            return await FromTrackPageAsync(track, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var full = (await Catalog.GetTrackAsync(track.Id, cancellationToken).ConfigureAwait(false)).Track;
            return full ?? track;
        }
        catch (ServiceException ex) when (ex.Kind == ServiceFailureKind.Rejected && ex.Status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
        {
            // The page showed it; the API will not: the page's details stay.
            return track;
        }
    }

    /// <summary>
    /// A playlist's page lists its entries without cover, release date or separate artists: the track's own page
    /// (one request, cached like a track) gives them. An album's entries have them from the album page.
    /// </summary>
    private async Task<Track> FromTrackPageAsync(Track track, CancellationToken cancellationToken)
    {
        if (SpotifyId.IsValid(track.Album.Id))
        {
            return track;
        }

        var page = (await Catalog.GetTrackAsync(track.Id, cancellationToken).ConfigureAwait(false)).Track;
        if (page is null)
        {
            return track;
        }

        return track with
        {
            Artists = page.Artists.Count > 0 ? page.Artists : track.Artists,
            Album = track.Album with
            {
                Images = track.Album.Images.Count > 0 ? track.Album.Images : page.Album.Images,
                ReleaseDate = track.Album.ReleaseDate ?? page.Album.ReleaseDate,
            },
            DurationMs = track.DurationMs > 0 ? track.DurationMs : page.DurationMs,
            Explicit = track.Explicit || page.Explicit,
        };
    }

    private async Task<ResolvedSource> ResolveArtistAsync(SpotifySource source, CancellationToken cancellationToken)
    {
        var id = RequireId(source);
        var artist = await Catalog.GetArtistAsync(id, cancellationToken).ConfigureAwait(false);
        var albumIds = await Catalog.GetArtistAlbumIdsAsync(id, cancellationToken).ConfigureAwait(false);

        // A few albums at a time (the shared limiter still paces the requests); entries keep the artist's album order.
        var albums = new SpotifyAlbum[albumIds.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, albumIds.Count),
            new ParallelOptions { MaxDegreeOfParallelism = AlbumParallelism, CancellationToken = cancellationToken },
            async (i, ct) => albums[i] = await Catalog.GetAlbumAsync(albumIds[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
        var entries = new List<SourceEntry>();
        foreach (var entry in albums.SelectMany(a => a.Tracks))
        {
            entries.Add(entry with { Position = entries.Count + 1 });
        }

        return new ResolvedSource(source, artist.Name, entries);
    }

    private static string RequireId(SpotifySource source) =>
        SpotifyId.IsValid(source.Id)
            ? source.Id
            : throw SpotifyFailure.Rejected($"'{source.Original}' has no valid Spotify {source.Kind.ToString().ToLowerInvariant()} id (22 letters and digits).");
}

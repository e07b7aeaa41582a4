using MusicDl.Models;

namespace MusicDl.Spotify;

/// <summary>Resolves sources and completes tracks from single catalog reads, cached or not.</summary>
internal sealed class SpotifyResolver(ISpotifyCatalog catalog)
{
    private const int AlbumParallelism = 4;

    public async Task<ResolvedSource> ResolveAsync(SpotifySource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        switch (source.Kind)
        {
            case SourceKind.Track:
            {
                var entry = await catalog.GetTrackAsync(RequireId(source), cancellationToken).ConfigureAwait(false);
                return new ResolvedSource(source, entry.Title ?? source.Id!, [entry]);
            }

            case SourceKind.Album:
            {
                var album = await catalog.GetAlbumAsync(RequireId(source), cancellationToken).ConfigureAwait(false);
                return new ResolvedSource(source, album.Info.Name, album.Tracks);
            }

            case SourceKind.Playlist:
            {
                var playlist = await catalog.GetPlaylistAsync(RequireId(source), cancellationToken).ConfigureAwait(false);
                return new ResolvedSource(source, playlist.Name, playlist.Entries) { SnapshotId = playlist.SnapshotId };
            }

            case SourceKind.Artist:
                return await ResolveArtistAsync(source, cancellationToken).ConfigureAwait(false);

            case SourceKind.LikedSongs:
            {
                var liked = await catalog.GetLikedSongsAsync(cancellationToken).ConfigureAwait(false);
                return new ResolvedSource(source, "Liked Songs", liked.Entries);
            }

            case SourceKind.ShortLink:
            {
                var target = await catalog.ResolveShortLinkAsync(source.Original, cancellationToken).ConfigureAwait(false);
                if (target.Kind == SourceKind.ShortLink)
                {
                    throw new SpotifySourceException($"The link {source.Original} leads to another short link; paste the open.spotify.com address instead.");
                }

                var resolved = await ResolveAsync(target, cancellationToken).ConfigureAwait(false);
                return resolved with { Source = target };
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(source), source.Kind, "Unknown source kind.");
        }
    }

    /// <summary>
    /// What matching needs and listing pages leave out: the ISRC, from one track request (cached); nothing when
    /// the track has it already. The album and artist requests serve tags only.
    /// </summary>
    public async Task<Track> CompleteIsrcAsync(Track track, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        if (track.Isrc is not null || !SpotifyId.IsValid(track.Id))
        {
            return track;
        }

        var full = (await catalog.GetTrackAsync(track.Id, cancellationToken).ConfigureAwait(false)).Track;
        return full is null ? track : track with { Isrc = full.Isrc, Explicit = track.Explicit || full.Explicit };
    }

    public async Task<Track> CompleteAsync(Track track, CancellationToken cancellationToken)
    {
        var result = await CompleteIsrcAsync(track, cancellationToken).ConfigureAwait(false);

        // Listing pages give a simplified album: no label, copyright or UPC. The full album is shared by its tracks.
        if (result.Album.Label is null && result.Album.Copyright is null && SpotifyId.IsValid(result.Album.Id))
        {
            var album = await catalog.GetAlbumInfoAsync(result.Album.Id, cancellationToken).ConfigureAwait(false);
            result = result with { Album = album };
        }

        if (result.Genres.Count == 0)
        {
            var genres = result.Album.Genres;
            if (genres.Count == 0 && result.Artists.FirstOrDefault(a => SpotifyId.IsValid(a.Id)) is { } first)
            {
                genres = (await catalog.GetArtistAsync(first.Id!, cancellationToken).ConfigureAwait(false)).Genres;
            }

            result = result with { Genres = genres };
        }

        return result;
    }

    private async Task<ResolvedSource> ResolveArtistAsync(SpotifySource source, CancellationToken cancellationToken)
    {
        var id = RequireId(source);
        var artist = await catalog.GetArtistAsync(id, cancellationToken).ConfigureAwait(false);
        var albumIds = await catalog.GetArtistAlbumIdsAsync(id, cancellationToken).ConfigureAwait(false);

        // A few albums at a time (the shared limiter still paces the requests); entries keep the artist's album order.
        var albums = new SpotifyAlbum[albumIds.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, albumIds.Count),
            new ParallelOptions { MaxDegreeOfParallelism = AlbumParallelism, CancellationToken = cancellationToken },
            async (i, ct) => albums[i] = await catalog.GetAlbumAsync(albumIds[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
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
            : throw new SpotifySourceException($"'{source.Original}' has no valid Spotify {source.Kind.ToString().ToLowerInvariant()} id (22 letters and digits).");
}

namespace MusicDl.Fakes.Spotify;

/// <summary>Ready-made catalogue data the tests and end-to-end scenarios need.</summary>
public sealed partial class FakeSpotify
{
    /// <summary>An artist with an album of <paramref name="trackCount"/> tracks (ISRCs set), spread over <paramref name="discs"/> discs.</summary>
    public FakeAlbum AddGeneratedAlbum(
        int trackCount,
        string? name = null,
        int discs = 1,
        string releaseDate = "2021-06-15",
        string precision = "day",
        string? label = null,
        string? artistId = null,
        string albumType = "album")
    {
        artistId ??= FakeSpotifyIds.Next("ar");
        lock (_gate)
        {
            if (!_artists.ContainsKey(artistId))
            {
                _artists[artistId] = ($"Artist {artistId[^4..]}", ["electro house"]);
            }
        }

        var albumId = FakeSpotifyIds.Next("al");
        var perDisc = (trackCount + discs - 1) / Math.Max(1, discs);
        var tracks = Enumerable.Range(0, trackCount).Select(i => new FakeTrack
        {
            Id = FakeSpotifyIds.Next("tr"),
            Name = $"Song {i + 1}",
            ArtistIds = [artistId],
            TrackNumber = (i % perDisc) + 1,
            DiscNumber = (i / perDisc) + 1,
            DurationMs = 180_000 + (i * 1000),
            Isrc = $"QZ{albumId[^5..]}{i:D5}".ToUpperInvariant(),
        }).ToArray();
        var album = new FakeAlbum
        {
            Id = albumId,
            Name = name ?? $"Album {albumId[^4..]}",
            ArtistIds = [artistId],
            AlbumType = albumType,
            ReleaseDate = releaseDate,
            ReleaseDatePrecision = precision,
            Label = label,
            CopyrightC = "© 2021 Fake Records Ltd",
            CopyrightP = "℗ 2021 Fake Records Ltd",
            Upc = "0000000000000",
            Tracks = tracks,
        };
        AddAlbum(album);
        return album;
    }

    /// <summary>
    /// A playlist of <paramref name="count"/> entries: tracks from generated albums, plus (when <paramref name="withOddities"/>)
    /// a local file at position 3, an episode at 5, a removed entry at 7 and a duplicate of the first track at 9.
    /// </summary>
    public FakePlaylist AddGeneratedPlaylist(int count, bool withOddities = true, FakePlaylistAccess access = FakePlaylistAccess.OwnerOrCollaborator, string? ownerId = null)
    {
        var album = AddGeneratedAlbum(count);
        var entries = album.Tracks.Select(t => FakeEntry.Track(t.Id)).ToList();
        if (withOddities && count >= 9)
        {
            entries[2] = FakeEntry.Local("my-bootleg.mp3");
            entries[4] = FakeEntry.Episode("Podcast episode 12");
            entries[6] = FakeEntry.Removed();
            entries[8] = FakeEntry.Track(album.Tracks[0].Id);
        }

        return AddPlaylist(new FakePlaylist(FakeSpotifyIds.Next("pl"), $"Generated {count}", ownerId ?? UserId, entries) { Access = access });
    }

    /// <summary>A multi-artist track with a non-Latin title on a month-precision single; returns the track.</summary>
    public FakeTrack AddMultiArtistNonLatinTrack()
    {
        var a1 = FakeSpotifyIds.Next("ar");
        var a2 = FakeSpotifyIds.Next("ar");
        AddArtist(a1, "米津玄師", "j-pop");
        AddArtist(a2, "Ёлка", "russian pop");
        var track = new FakeTrack { Id = FakeSpotifyIds.Next("tr"), Name = "Лемон / レモン", ArtistIds = [a1, a2], Isrc = "JPU901800040" };
        AddAlbum(new FakeAlbum
        {
            Id = FakeSpotifyIds.Next("al"),
            Name = "レモン",
            ArtistIds = [a1],
            AlbumType = "single",
            ReleaseDate = "2018-03",
            ReleaseDatePrecision = "month",
            CopyrightP = "(P) 2018 Sony Music Labels Inc.",
            Tracks = [track],
        });
        return track;
    }
}

using MusicDl.Models;

namespace MusicDl.Tests.Library;

/// <summary>Tracks for library and tagging tests.</summary>
internal static class TestTracks
{
    public static Track Make(
        string id = "4uLU6hMCjMI75M1A2tKUQC",
        string title = "Never Gonna Give You Up",
        string artist = "Rick Astley",
        string album = "Whenever You Need Somebody",
        int trackNumber = 1) => new()
    {
        Id = id,
        Title = title,
        Artists = [new ArtistRef("0gxyHStUsqpMadRV0Di1Qt", artist)],
        Album = new AlbumInfo
        {
            Id = "6XhjNHCyCDyyGJRM5mg40G",
            Name = album,
            Artists = [new ArtistRef("0gxyHStUsqpMadRV0Di1Qt", artist)],
            ReleaseDate = "1987-11-12",
            ReleaseDatePrecision = ReleaseDatePrecision.Day,
            TotalTracks = 10,
            DiscCount = 1,
            Label = "RCA",
            Copyright = "(P) 1987 Sony Music",
            Images = [new ImageRef("http://127.0.0.1/cover.jpg", 640, 640)],
        },
        TrackNumber = trackNumber,
        DiscNumber = 1,
        DurationMs = 213573,
        Isrc = "GBARL9300135",
        Genres = ["dance pop"],
    };

    /// <summary>Non-Latin text in every field.</summary>
    public static Track NonLatin(string id = "7ouMYWpwJ422jRcDASZB7P") => new()
    {
        Id = id,
        Title = "夜に駆ける — Ёлка «ночь»",
        Artists = [new ArtistRef("a1", "YOASOBI"), new ArtistRef("a2", "Ñandú Ω"), new ArtistRef("a3", "عمرو دياب")],
        Album = new AlbumInfo
        {
            Id = "album000000000000000001",
            Name = "THE BOOK 一 Ελληνικά",
            Artists = [new ArtistRef("a1", "ヨアソビ")],
            ReleaseDate = "2019-12",
            ReleaseDatePrecision = ReleaseDatePrecision.Month,
            TotalTracks = 12,
            DiscCount = 2,
            Label = "ソニー Łódź",
            Copyright = "© 2019 Sony Music Entertainment (Japan) Inc. 著作権",
        },
        TrackNumber = 3,
        DiscNumber = 2,
        DurationMs = 1000,
        Explicit = true,
        Isrc = "JPP301900372",
        Genres = ["j-pop", "アニソン"],
    };
}

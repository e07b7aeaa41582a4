using MusicDl.Fakes.Spotify;
using MusicDl.Fakes.YouTubeMedia;
using MusicDl.Fakes.YouTubeMusic;

namespace MusicDl.FakeServer;

/// <summary>
/// The try-out catalogue of scripts/try-offline.sh: one public playlist of a dozen tracks by several (invented)
/// artists on albums and singles with real-looking metadata, a non-Latin title, a local file and a podcast episode,
/// so a newcomer sees every kind of entry the real service hands out.
/// </summary>
public static class DemoCatalogue
{
    private sealed record DemoAlbum(string Artist, string Genre, string Name, string Type, string Date, string Precision, string Label, string[] Titles);

    private static readonly DemoAlbum[] Albums =
    [
        new("Aurora Vale", "indie pop", "Northern Lights", "album", "2019-10-04", "day", "Lantern Records",
            ["Midnight Harbor", "Paper Satellites", "Glass Rivers", "The Long Way Home"]),
        new("The Velvet Static", "alternative rock", "Concrete Bloom", "album", "2021-05-14", "day", "Static Sound",
            ["Signal Fires", "Neon Parish", "Hearts on Channel 9"]),
        new("Mira Okafor", "neo soul", "Slow Orbit", "single", "2023-02", "month", "Okafor Music", ["Slow Orbit"]),
        new("Kenji & The Tides", "surf rock", "Moonlit Sessions", "album", "2017", "year", "Tidewater",
            ["Low Tide Waltz", "Sunset Boulevard Drive"]),
        new("星野ひかり", "j-pop", "夜明けの街", "single", "2022-08-19", "day", "Hoshino Label", ["夜明けの街"]),
        new("Лунный Свет", "russian indie", "Белые ночи", "single", "2020-06-21", "day", "Nevsky", ["Белые ночи"]),
    ];

    public static FakePlaylist Add(FakeSpotify spotify, FakeYouTubeMusic music, FakeYouTubeMedia media)
    {
        ArgumentNullException.ThrowIfNull(spotify);
        ArgumentNullException.ThrowIfNull(music);
        ArgumentNullException.ThrowIfNull(media);
        var entries = new List<FakeEntry>();
        var isrc = 0;
        foreach (var demo in Albums)
        {
            var artistId = FakeSpotifyIds.Next("ar");
            spotify.AddArtist(artistId, demo.Artist, demo.Genre);
            var tracks = demo.Titles.Select((title, i) => new FakeTrack
            {
                Id = FakeSpotifyIds.Next("tr"),
                Name = title,
                ArtistIds = [artistId],
                TrackNumber = i + 1,
                DurationMs = 150_000 + (i * 17_000),
                Isrc = $"QZDEM{demo.Date[2..4]}{++isrc:D5}",
            }).ToArray();
            var year = demo.Date[..4];
            var album = new FakeAlbum
            {
                Id = FakeSpotifyIds.Next("al"),
                Name = demo.Name,
                ArtistIds = [artistId],
                AlbumType = demo.Type,
                ReleaseDate = demo.Date,
                ReleaseDatePrecision = demo.Precision,
                Label = demo.Label,
                CopyrightC = $"© {year} {demo.Label}",
                CopyrightP = $"℗ {year} {demo.Label}",
                Tracks = tracks,
            };
            spotify.AddAlbum(album);
            foreach (var track in tracks)
            {
                // 11 characters, unique per track, as YouTube's video ids.
                var videoId = "d" + track.Id[^10..];
                music.Add(FakeSong.Of(track, album, demo.Artist, videoId));
                media.AddVideo(videoId).Offering(251, 140);
                entries.Add(FakeEntry.Track(track.Id));
            }
        }

        // What a real playlist also holds and musicdl reports but cannot download.
        entries.Insert(5, FakeEntry.Local("Aurora Vale - Midnight Harbor (demo).mp3"));
        entries.Insert(9, FakeEntry.Episode("The Offline Hour, episode 12"));
        return spotify.AddPlaylist(new FakePlaylist(FakeSpotifyIds.Next("pl"), "musicdl try-out mix", spotify.UserId, entries)
        {
            Access = FakePlaylistAccess.Anyone,
        });
    }
}

using MusicDl.Models;
using MusicDl.YouTube.Search;

namespace MusicDl.Tests.YouTube.Matching;

/// <summary>Builders for Spotify tracks and search candidates in matching tests.</summary>
internal static class TestTracks
{
    public static Track Track(string title, string artists, int seconds, string album = "Album", bool @explicit = false, string id = "4uLU6hMCjMI75M1A2tKUQC", string? isrc = null) => new()
    {
        Id = id,
        Title = title,
        Artists = artists.Split(" | ").Select(a => new ArtistRef(null, a)).ToArray(),
        Album = new AlbumInfo { Id = "1DFixLWuPkv3KT3TnV35m3", Name = album },
        DurationMs = seconds * 1000,
        Explicit = @explicit,
        Isrc = isrc,
    };

    public static SearchCandidate Song(string title, string artists, int seconds, string? album = null, bool @explicit = false, string videoId = "aaaaaaaaaaa") => new()
    {
        VideoId = videoId,
        Title = title,
        Artists = artists.Split(" | "),
        Album = album,
        Duration = TimeSpan.FromSeconds(seconds),
        Explicit = @explicit,
        IsSong = true,
        VideoType = "MUSIC_VIDEO_TYPE_ATV",
        Provider = SearchProviders.YouTubeMusic,
    };

    public static SearchCandidate Video(string title, string channel, int seconds, string videoId = "bbbbbbbbbbb") => new()
    {
        VideoId = videoId,
        Title = title,
        Artists = [channel],
        Duration = seconds > 0 ? TimeSpan.FromSeconds(seconds) : null,
        IsSong = false,
        VideoType = "MUSIC_VIDEO_TYPE_OMV",
        Provider = SearchProviders.YouTubeMusic,
    };

    public static SearchCandidate Upload(string title, string channel, int seconds, string videoId = "ccccccccccc") =>
        Video(title, channel, seconds, videoId) with { VideoType = "MUSIC_VIDEO_TYPE_UGC" };
}

using MusicDl.Models;
using MusicDl.Spotify;
using MusicDl.Spotify.Wire;

namespace MusicDl.Tests.Spotify;

public sealed class SpotifyMapperTests
{
    [Theory]
    [InlineData("℗ 2019 NCS", "NCS")]
    [InlineData("(P) 2018 Sony Music Labels Inc.", "Sony Music Labels Inc.")]
    [InlineData("2023 Kontinuum", "Kontinuum")]
    [InlineData("℗ 2010-2012 Warner Records Inc., a Warner Music Group Company", "Warner Records Inc., a Warner Music Group Company")]
    [InlineData("Columbia Records", "Columbia Records")]
    [InlineData("℗ 2001", null)]
    [InlineData("  ", null)]
    public void The_publisher_is_the_P_line_without_its_symbol_and_years(string line, string? expected) =>
        Assert.Equal(expected, SpotifyMapper.PublisherFromCopyright(line));

    [Fact]
    public void An_album_without_label_takes_it_from_the_P_line_and_keeps_the_C_line_as_copyright()
    {
        var album = SpotifyMapper.MapAlbum(new WireAlbum
        {
            Id = "a",
            Name = "A",
            Copyrights = [new WireCopyright("© 2020 Label C", "C"), new WireCopyright("℗ 2020 Label P", "P")],
            ReleaseDate = "2020",
            ReleaseDatePrecision = "year",
        });

        Assert.Equal("Label P", album.Label);
        Assert.Equal("© 2020 Label C", album.Copyright);
        Assert.Equal(ReleaseDatePrecision.Year, album.ReleaseDatePrecision);
        Assert.Equal(2020, album.Year);
    }

    [Theory]
    [InlineData(null, false, "removed from Spotify (the entry is empty)")]
    [InlineData("track", true, "local file (not on Spotify)")]
    [InlineData("episode", false, "podcast episode")]
    public void Entries_spotify_cannot_give_as_music_become_unsupported_with_a_reason(string? type, bool local, string reason)
    {
        var wire = type is null ? null : new WireTrack { Id = local ? null : "4iV5W9uYEdYUVa79Axb7Rh", Name = "x", Type = type, IsLocal = local, DurationMs = 1 };

        var entry = SpotifyMapper.ToEntry(7, wire, local, null, "US");

        Assert.False(entry.IsSupported);
        Assert.Equal(reason, entry.UnsupportedReason);
        Assert.Equal(7, entry.Position);
    }

    [Fact]
    public void Playlist_entries_read_item_and_fall_back_to_track()
    {
        var item = new WireTrack { Id = "A" };
        var track = new WireTrack { Id = "B" };

        Assert.Same(item, new WirePlaylistItem(null, false, item, null).Content);
        Assert.Same(track, new WirePlaylistItem(null, false, null, track).Content);
    }
}

using MusicDl.Models;
using MusicDl.Tagging;
using MusicDl.Tests.Library;

namespace MusicDl.Tests.Tagging;

/// <summary>What a track's tags are made of, as Picard would make them (issue 23).</summary>
public sealed class TagSetTests
{
    [Fact]
    public void On_a_multi_disc_album_the_track_total_is_the_tracks_of_that_disc()
    {
        var track = TestTracks.Make() with { DiscNumber = 2 };
        track = track with { Album = track.Album with { TotalTracks = 36, DiscCount = 2, DiscTrackCounts = [18, 18] } };

        var tags = TagSet.From(track, null, null);

        Assert.Equal((18, 2, 2), (tags.TrackCount, tags.DiscNumber, tags.DiscCount));
    }

    [Fact]
    public void Without_the_discs_track_counts_the_albums_total_stays()
    {
        var tags = TagSet.From(TestTracks.Make(), null, null);

        Assert.Equal(10, tags.TrackCount);
    }

    [Theory]
    [InlineData("compilation", "Some Artist", true)]
    [InlineData("album", "Various Artists", true)]
    [InlineData("album", "Some Artist", false)]
    [InlineData(null, "Various Artists Tribute Band", false)]
    public void A_compilation_is_Spotifys_compilation_type_or_a_Various_Artists_album(string? albumType, string albumArtist, bool expected)
    {
        var track = TestTracks.Make();
        track = track with { Album = track.Album with { AlbumType = albumType, Artists = [new ArtistRef("va", albumArtist)] } };

        Assert.Equal(expected, TagSet.From(track, null, null).Compilation);
    }
}

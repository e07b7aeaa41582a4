using MusicDl.Models;

namespace MusicDl.Tests.Spotify;

/// <summary><c>match</c> writes no tags: it asks Spotify for the ISRC only, never for albums or artists.</summary>
public sealed class MatchCompletionTests : SpotifyTestBase
{
    [Fact]
    public async Task Album_tracks_cost_one_track_request_each_and_no_album_or_artist_request()
    {
        var album = Bed.Spotify.AddGeneratedAlbum(5);
        using var client = Bed.CreateClient();
        var resolved = await client.ResolveAsync(new SpotifySource(SourceKind.Album, album.Id, album.Id), CancellationToken.None);
        var albumsBefore = Bed.Spotify.Route("GET", "/v1/albums/{id}").Count;

        var completed = await Task.WhenAll(resolved.Entries.Select(e => client.CompleteIsrcAsync(e.Track!, CancellationToken.None)));

        Assert.Equal(album.Tracks.Select(t => t.Isrc), completed.Select(t => t.Isrc));
        Assert.Equal(5, Bed.Spotify.Route("GET", "/v1/tracks/{id}").Count);
        Assert.Equal(albumsBefore, Bed.Spotify.Route("GET", "/v1/albums/{id}").Count);
        Assert.Equal(0, Bed.Spotify.Route("GET", "/v1/artists/{id}").Count);
    }

    [Fact]
    public async Task A_track_that_has_its_isrc_costs_nothing_more()
    {
        var album = Bed.Spotify.AddGeneratedAlbum(1);
        using var client = Bed.CreateClient();
        var resolved = await client.ResolveAsync(new SpotifySource(SourceKind.Track, album.Tracks[0].Id, album.Tracks[0].Id), CancellationToken.None);
        var requests = Bed.Spotify.ApiRequests;

        var completed = await client.CompleteIsrcAsync(resolved.Entries[0].Track!, CancellationToken.None);

        Assert.Equal(album.Tracks[0].Isrc, completed.Isrc);
        Assert.Equal(requests, Bed.Spotify.ApiRequests);
        Assert.Equal(1, requests);
    }
}

using MusicDl.Fakes;
using MusicDl.Fakes.MusicBrainz;
using MusicDl.Http;
using MusicDl.Models;
using MusicDl.MusicBrainz;
using MusicDl.Downloading;

namespace MusicDl.Tests.MusicBrainz;

/// <summary>
/// Issue 21: what a public page leaves out of a track (ISRC, album, date, numbers) comes from MusicBrainz's recording
/// search by title, artist and length within 3 s, in the search answer's real shape (isrcs, releases with media).
/// </summary>
public sealed class RecordingSearchTests : IAsyncLifetime
{
    private readonly HttpClient _http = OutboundHttp.Create(TimeSpan.FromSeconds(30), 4);
    private FakeHost _host = null!;
    private FakeMusicBrainz _mb = null!;

    public async Task InitializeAsync()
    {
        _host = await FakeHost.StartAsync();
        _mb = new FakeMusicBrainz(_host);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    // One request per test: the first start of the one-a-second pacing is immediate.
    private MusicBrainzClient Client() => new(_http, _host.BaseUri, TimeProvider.System);

    private static FakeMbRecording Recording(string id, string title, int lengthMs, params FakeMbRelease[] releases) => new(id, title, lengthMs)
    {
        Artists = [new FakeMbArtist("3f1e0a2c-1111-4a4a-9b9b-000000000001", "Rose \"Red\" Quartet")],
        Releases = releases,
    };

    [Fact]
    public async Task The_recording_of_that_title_and_artist_within_three_seconds_gives_its_isrc_official_album_and_numbers()
    {
        _mb.Add("GBAAA2600001", Recording("rec-near", "Don't \"Stop\"", 201_000,
            new FakeMbRelease("rel-comp", "Hits Collection", "rg-comp") { PrimaryType = "Compilation", Date = "2001", TrackNumber = 9 },
            new FakeMbRelease("rel-album", "First Light", "rg-album") { Date = "2019-04-05", TrackNumber = 3, TrackCount = 12, Disc = 2 }));
        _mb.Add("GBAAA2600002", Recording("rec-far", "Don't \"Stop\"", 230_000, new FakeMbRelease("rel-other", "Other", "rg-other")));

        var found = await Client().SearchAsync(new RecordingSearch("Don't \"Stop\"", "Rose \"Red\" Quartet", TimeSpan.FromMilliseconds(200_000)));

        Assert.NotNull(found);
        Assert.Equal(FakeMusicBrainz.Uuid("rec-near"), found.RecordingId);
        Assert.Equal("GBAAA2600001", found.Isrc);
        Assert.Equal("First Light", found.Album);
        Assert.Equal("2019-04-05", found.ReleaseDate);
        Assert.Equal((3, 12, 2), (found.TrackNumber, found.TrackCount, found.DiscNumber));

        // The phrases went out quoted with their own quotes escaped, and the length as a ±3 s range.
        Assert.Contains("recording:\"Don't \\\"Stop\\\"\"", _mb.LastSearchQuery, StringComparison.Ordinal);
        Assert.Contains("dur:[197000 TO 203000]", _mb.LastSearchQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recording_of_another_title_or_beyond_three_seconds_is_not_taken()
    {
        _mb.Add("GBAAA2600003", Recording("rec", "Song", 204_500, new FakeMbRelease("rel", "Album", "rg")));

        var found = await Client().SearchAsync(new RecordingSearch("Song", "Rose \"Red\" Quartet", TimeSpan.FromMilliseconds(200_000)));

        Assert.Null(found);
        Assert.Equal(1, _mb.SearchRoute.Count);
    }

    [Fact]
    public async Task A_page_track_gets_only_its_empty_values_filled_and_a_failing_search_leaves_it_as_it_was()
    {
        _mb.Add("GBAAA2600004", Recording("rec", "Song", 200_000, new FakeMbRelease("rel", "Found Album", "rg") { Date = "2018", TrackNumber = 5, TrackCount = 11 }));
        var page = new Track
        {
            Id = "4uLU6hMCjMI75M1A2tKUQC",
            Title = "Song",
            Artists = [new ArtistRef(null, "Rose \"Red\" Quartet")],
            Album = new AlbumInfo { Id = string.Empty, Name = string.Empty, ReleaseDate = "2020-02-02" },
            DurationMs = 200_000,
            FromPublicPage = true,
        };

        var filled = await new PublicPageDetails(Client()).FillAsync(page, CancellationToken.None);

        Assert.Equal("GBAAA2600004", filled.Isrc);
        Assert.Equal("Found Album", filled.Album.Name);
        Assert.Equal("2020-02-02", filled.Album.ReleaseDate); // the page's date stays
        Assert.Equal((5, 1, 11), (filled.TrackNumber, filled.DiscNumber, filled.Album.TotalTracks));
        Assert.True(filled.FromPublicPage);

        _mb.SearchRoute.Fail(new FakeFault { Status = 500 });
        var unchanged = await new PublicPageDetails(new MusicBrainzClient(_http, _host.BaseUri, TimeProvider.System)).FillAsync(page with { Title = "Other" }, CancellationToken.None);
        Assert.Null(unchanged.Isrc);
        Assert.Equal(string.Empty, unchanged.Album.Name);
    }
}

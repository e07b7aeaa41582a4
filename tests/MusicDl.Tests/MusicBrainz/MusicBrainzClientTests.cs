using Microsoft.Extensions.Time.Testing;
using MusicDl.Configuration;
using MusicDl.Fakes;
using MusicDl.Fakes.MusicBrainz;
using MusicDl.Http;
using MusicDl.MusicBrainz;

namespace MusicDl.Tests.MusicBrainz;

public sealed class MusicBrainzClientTests : IAsyncLifetime
{
    private const string Isrc = "GBUM71029604";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http;
    private FakeHost _host = null!;
    private FakeMusicBrainz _mb = null!;

    // The run's client, its request_timeout far beyond what DriveAsync pumps, so a slow loopback answer on a loaded
    // machine is never taken for a timeout; these tests are about pacing and Retry-After.
    public MusicBrainzClientTests() => _http = OutboundHttp.Create(TimeSpan.FromHours(1), 4, _time);

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

    private MusicBrainzClient Client(TimeProvider? time = null) => new(_http, _host.BaseUri, time ?? _time);

    private static FakeMbRecording Recording(string id, int? lengthMs, params FakeMbRelease[] releases) => new(id, "Song", lengthMs)
    {
        Artists = [new FakeMbArtist("artist-1", "Artist"), new FakeMbArtist("artist-2", "Guest")],
        Releases = releases,
    };

    private static MusicBrainzQuery Query(string? album = "The Album", bool genres = false) =>
        new(Isrc, TimeSpan.FromMilliseconds(200_000), album, genres);

    [Fact]
    public async Task The_recording_within_three_seconds_and_the_release_titled_like_the_album_are_chosen()
    {
        _mb.Add(
            Isrc,
            Recording("rec-far", 210_000, new FakeMbRelease("rel-x", "The Album", "rg-x")),
            Recording(
                "rec-near",
                202_500,
                new FakeMbRelease("rel-comp", "Greatest Hits", "rg-comp"),
                new FakeMbRelease("rel-bootleg", "The Album", "rg-1") { Status = "Bootleg", Date = "1990" },
                new FakeMbRelease("rel-late", "the album", "rg-1") { Date = "2011-05-01" },
                new FakeMbRelease("rel-first", "The  Album", "rg-1") { Date = "1999-03-02" }));

        var ids = await Client().LookupAsync(Query());

        Assert.NotNull(ids);
        Assert.Equal(FakeMusicBrainz.Uuid("rec-near"), ids.RecordingId);
        Assert.Equal(FakeMusicBrainz.Uuid("rel-first"), ids.ReleaseId);
        Assert.Equal(FakeMusicBrainz.Uuid("rg-1"), ids.ReleaseGroupId);
        Assert.Equal([FakeMusicBrainz.Uuid("artist-1"), FakeMusicBrainz.Uuid("artist-2")], ids.ArtistIds);
        Assert.Empty(ids.Genres);
        Assert.Contains("inc=artist-credits+releases", _mb.Requests.Single(), StringComparison.Ordinal);
        Assert.Contains("fmt=json", _mb.Requests.Single(), StringComparison.Ordinal);
        Assert.Equal(ProductInfo.UserAgent, _mb.LastUserAgent);
    }

    [Fact]
    public async Task The_chosen_releases_credited_artists_are_the_album_artist_ids()
    {
        _mb.Add(
            Isrc,
            Recording(
                "rec-near",
                200_000,
                new FakeMbRelease("rel-other", "Other Album", "rg-2") { Artists = [new FakeMbArtist("other-artist", "Someone")] },
                new FakeMbRelease("rel-va", "The Album", "rg-1") { Artists = [new FakeMbArtist("va-mbid", "Various Artists")] }));

        var ids = await Client().LookupAsync(Query());

        Assert.Equal(FakeMusicBrainz.Uuid("rel-va"), ids!.ReleaseId);
        Assert.Equal([FakeMusicBrainz.Uuid("va-mbid")], ids.AlbumArtistIds);
    }

    [Fact]
    public async Task No_recording_of_the_right_length_is_none_found()
    {
        _mb.Add(Isrc, Recording("rec-far", 204_000), Recording("rec-unknown-length", null));

        Assert.Null(await Client().LookupAsync(Query()));
    }

    [Fact]
    public async Task An_unknown_isrc_is_none_found()
    {
        Assert.Null(await Client().LookupAsync(Query()));
        Assert.Equal(1, _mb.IsrcRoute.Count);
    }

    [Fact]
    public async Task No_release_titled_like_the_album_keeps_the_recording_and_artists_without_album_ids()
    {
        _mb.Add(Isrc, Recording("rec", 200_000, new FakeMbRelease("rel", "Another", "rg")));

        var ids = await Client().LookupAsync(Query());

        Assert.Equal(FakeMusicBrainz.Uuid("rec"), ids?.RecordingId);
        Assert.Null(ids?.ReleaseId);
        Assert.Null(ids?.ReleaseGroupId);
    }

    [Fact]
    public async Task Genres_are_the_most_voted_few_of_the_recording()
    {
        _mb.Add(Isrc, Recording("rec", 200_000) with
        {
            Genres = [new("pop", 1), new("rock", 7), new("art rock", 4), new("progressive rock", 4), new("unvoted", 0)],
        });

        var ids = await Client().LookupAsync(Query(genres: true));

        Assert.Equal(["rock", "art rock", "progressive rock"], ids?.Genres);
        Assert.Contains("inc=artist-credits+releases+genres", _mb.Requests.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_recording_genres_the_release_group_is_asked_a_second_later()
    {
        _mb.Add(Isrc, Recording("rec", 200_000, new FakeMbRelease("rel", "The Album", "rg")));
        _mb.SetReleaseGroupGenres("rg", new FakeMbGenre("jazz", 3));
        var started = _time.GetUtcNow();

        var ids = await DriveAsync(Client().LookupAsync(Query(genres: true)));

        Assert.Equal(["jazz"], ids?.Genres);
        Assert.Equal(1, _mb.ReleaseGroupRoute.Count);
        Assert.True(_time.GetUtcNow() - started >= TimeSpan.FromSeconds(1), "the second request must wait its turn");
    }

    [Fact]
    public async Task Requests_from_many_threads_start_a_second_apart()
    {
        _mb.Add(Isrc, Recording("rec", 200_000));
        var client = Client();

        await client.LookupAsync(Query());
        var second = client.LookupAsync(Query());
        var third = client.LookupAsync(Query());

        // Both wait on the fake clock: nothing more reaches the service until it moves.
        Assert.False(second.IsCompleted);
        Assert.Equal(1, _mb.IsrcRoute.Count);
        _time.Advance(TimeSpan.FromSeconds(1));
        await second;
        Assert.Equal(2, _mb.IsrcRoute.Count);
        Assert.False(third.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        await third;
        Assert.Equal(3, _mb.IsrcRoute.Count);
    }

    [Fact]
    public async Task A_503_is_answered_by_waiting_what_Retry_After_says_then_asking_again()
    {
        _mb.Add(Isrc, Recording("rec", 200_000));
        _mb.IsrcRoute.Fail(new FakeFault { Status = 503, RetryAfterSeconds = 5, Times = 1 });
        var started = _time.GetUtcNow();

        var ids = await DriveAsync(Client().LookupAsync(Query()));

        Assert.Equal(FakeMusicBrainz.Uuid("rec"), ids?.RecordingId);
        Assert.Equal(2, _mb.IsrcRoute.Count);
        Assert.True(_time.GetUtcNow() - started >= TimeSpan.FromSeconds(5), "the client must not ask again before Retry-After");
    }

    [Fact]
    public async Task A_503_that_does_not_stop_is_a_service_failure()
    {
        _mb.IsrcRoute.Fail(new FakeFault { Status = 503 });

        await Assert.ThrowsAsync<ServiceException>(() => DriveAsync(Client().LookupAsync(Query())));
        Assert.Equal(4, _mb.IsrcRoute.Count);
    }

    [Fact]
    public async Task A_500_is_a_service_failure_not_none_found()
    {
        _mb.IsrcRoute.Fail(new FakeFault { Status = 500 });

        await Assert.ThrowsAsync<ServiceException>(() => Client().LookupAsync(Query()));
    }

    [Fact]
    public async Task A_request_that_gets_no_answer_ends_at_request_timeout_as_the_networks_fault_without_asking_again()
    {
        var limit = TimeSpan.FromSeconds(30);
        using var http = OutboundHttp.Create(limit, 4, _time);
        _mb.IsrcRoute.HoldRequest(1);

        var lookup = new MusicBrainzClient(http, _host.BaseUri, _time).LookupAsync(Query());
        await _mb.IsrcRoute.Held;
        Assert.False(lookup.IsCompleted);
        _time.Advance(limit);

        // A service failure (the track goes on without ids), not "none found", caused by the deadline; no retry.
        var error = await Assert.ThrowsAsync<ServiceException>(() => lookup);
        Assert.Contains("did not answer", error.Message, StringComparison.Ordinal);
        Assert.IsType<RequestTimedOutException>(error.InnerException);
        Assert.Equal(1, _mb.IsrcRoute.Count);
        _mb.IsrcRoute.Release();
    }

    private async Task<T> DriveAsync<T>(Task<T> task)
    {
        for (var i = 0; i < 400 && !task.IsCompleted; i++)
        {
            await Task.Delay(5);
            _time.Advance(TimeSpan.FromMilliseconds(500));
        }

        return await task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}

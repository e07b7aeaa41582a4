using MusicDl.Configuration;
using MusicDl.Downloading;
using MusicDl.Fakes;
using MusicDl.Fakes.Lrclib;
using MusicDl.Fakes.MusicBrainz;
using MusicDl.Http;
using MusicDl.Library;
using MusicDl.Lyrics;
using MusicDl.MusicBrainz;
using MusicDl.Tagging;
using MusicDl.Tests.Harness;
using MusicDl.Tests.Library;

namespace MusicDl.Tests.Downloading;

/// <summary>
/// Issue 22, part 2: a run whose library holds files lacking lyrics or MusicBrainz ids asks each of those services one
/// cheap request at its start (<see cref="TrackTagger.ProbeBacklogAsync"/>), so a service still down is known down
/// before the backlog is re-tagged and the backlog then costs it nothing.
/// </summary>
public sealed class BacklogProbeTests : LibraryTestBase, IAsyncLifetime
{
    private readonly HttpClient _http = OutboundHttp.Create(TimeSpan.FromSeconds(30), 4, TimeProvider.System);
    private readonly ServiceHealth _lyricsHealth = LrclibClient.Health();
    private readonly ServiceHealth _musicBrainzHealth = MusicBrainzClient.Health();
    private FakeHost _host = null!;
    private FakeLrclib _lrclib = null!;
    private FakeMusicBrainz _musicBrainz = null!;

    public async Task InitializeAsync()
    {
        _host = await FakeHost.StartAsync();
        _lrclib = new FakeLrclib(_host);
        _musicBrainz = new FakeMusicBrainz(_host);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_backlog_retry_that_fails_puts_each_service_down_with_one_request_and_the_backlog_asks_nothing_more()
    {
        await using var library = await OpenAsync();
        await PlaceIncompleteAsync(library, "Rick Astley/Never Gonna Give You Up.mp3", FileParts.Lyrics, FileParts.MusicBrainz);
        _lrclib.Fail(new FakeFault { Status = 500 });
        _musicBrainz.Fail(new FakeFault { Status = 500 });
        var extras = Extras();

        await Port(library, extras).ProbeBacklogAsync(CancellationToken.None);

        Assert.True(_lyricsHealth.IsDown);
        Assert.True(_musicBrainzHealth.IsDown);
        Assert.Equal(1, _lrclib.RequestCount);
        Assert.Equal(1, _musicBrainz.RequestCount);

        // The backlog's own look-ups: told at once that the services are down, without a request.
        var got = await extras.GetAsync(TestTracks.Make(), CancellationToken.None);

        Assert.Equal([FileParts.Lyrics, FileParts.MusicBrainz], got.Missing);
        Assert.Equal(1, _lrclib.RequestCount);
        Assert.Equal(1, _musicBrainz.RequestCount);
    }

    [Fact]
    public async Task A_probe_that_gets_no_answer_gives_up_at_its_patience_not_request_timeout_and_the_service_is_down()
    {
        // request_timeout is 30 s on this client: only the probe's patience (1.5 s) can end the wait sooner. Both run
        // on a driven clock, on which the earlier of the two fires once the fake holds the request for good.
        var clock = new DrivenClock();
        using var http = OutboundHttp.Create(TimeSpan.FromSeconds(30), 4, clock);
        _host.OnNeverAnswering = context => DrivenClock.Holding(context.Request.Headers.TraceParent);
        await using var library = await OpenAsync();
        await PlaceIncompleteAsync(library, "Rick Astley/Never Gonna Give You Up.mp3", FileParts.Lyrics);
        _lrclib.Fail(new FakeFault { BlackHole = true });
        var extras = Extras(http, clock);

        // The guard is a hang's bound only: the wait itself is on the clock.
        await Port(library, extras).ProbeBacklogAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(TrackExtrasSource.ProbePatience, clock.Elapsed);
        Assert.True(_lyricsHealth.IsDown);
        Assert.Equal(1, _lrclib.RequestCount);
        var got = await extras.GetAsync(TestTracks.Make(), CancellationToken.None);
        Assert.Contains(FileParts.Lyrics, got.Missing);
        Assert.Equal(1, _lrclib.RequestCount);
    }

    [Fact]
    public async Task Only_the_services_whose_part_is_lacking_are_asked_and_one_that_answers_stays_up()
    {
        await using var library = await OpenAsync();
        await PlaceIncompleteAsync(library, "Rick Astley/Never Gonna Give You Up.mp3", FileParts.Lyrics);

        await Port(library, Extras()).ProbeBacklogAsync(CancellationToken.None);

        Assert.False(_lyricsHealth.IsDown);
        Assert.Equal(1, _lrclib.RequestCount);
        Assert.StartsWith(FakeLrclib.SearchPath + "?", Assert.Single(_lrclib.Requests), StringComparison.Ordinal);
        Assert.Equal(0, _musicBrainz.RequestCount);
    }

    [Fact]
    public async Task A_library_without_a_backlog_asks_no_service_at_the_start()
    {
        await using var library = await OpenAsync();
        await PlaceIncompleteAsync(library, "Rick Astley/Never Gonna Give You Up.mp3");

        await Port(library, Extras()).ProbeBacklogAsync(CancellationToken.None);

        Assert.Equal(0, _lrclib.RequestCount);
        Assert.Equal(0, _musicBrainz.RequestCount);
    }

    [Fact]
    public async Task A_dry_run_asks_no_service_at_the_start()
    {
        await using var library = await OpenAsync();
        await PlaceIncompleteAsync(library, "Rick Astley/Never Gonna Give You Up.mp3", FileParts.Lyrics, FileParts.MusicBrainz);

        await Port(library, Extras(), dryRun: true).ProbeBacklogAsync(CancellationToken.None);

        Assert.Equal(0, _lrclib.RequestCount);
        Assert.Equal(0, _musicBrainz.RequestCount);
    }

    private TrackExtrasSource Extras(HttpClient? http = null, TimeProvider? time = null)
    {
        http ??= _http;
        var lrclib = new LrclibClient(http, _host.BaseUri, _lyricsHealth, time);
        var musicBrainz = new MusicBrainzClient(http, _host.BaseUri, time ?? TimeProvider.System, _musicBrainzHealth);
        return new TrackExtrasSource(lrclib, musicBrainz, probes: [lrclib, musicBrainz]);
    }

    private static TrackTagger Port(MusicLibrary library, TrackExtrasSource extras, bool dryRun = false) =>
        new(new TrackLibrary(library, PathTemplate.Parse("{artist}/{title}.{output-ext}"), AudioFormat.Mp3, dryRun: dryRun), new TagWriter(), extras: extras);

    private static async Task PlaceIncompleteAsync(MusicLibrary library, string path, params string[] missing)
    {
        var temp = await library.CreateTempFileAsync(path);
        await File.WriteAllTextAsync(temp, "audio");
        await library.CommitAsync(temp, new PlacementRequest(path, TestTracks.Make().Id, AudioFormat.Mp3) { Sources = [PlaylistA], MissingParts = missing });
    }
}

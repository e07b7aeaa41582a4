using MusicDl.Configuration;
using MusicDl.Fakes.YouTubeMusic;
using MusicDl.Models;
using MusicDl.Tests.YouTube.Search;
using MusicDl.YouTube.Matching;
using MusicDl.YouTube.Search;
using static MusicDl.Tests.YouTube.Matching.TestTracks;

namespace MusicDl.Tests.YouTube.Matching;

/// <summary>The matcher over the fake search services: which searches it makes to find the album's audio.</summary>
public sealed class AudioMatcherPreferenceTests : IAsyncLifetime
{
    private const string Isrc = "GB2LD2210007";
    private const string Query = "Lost Identities, Robbie Rosen - Moments";

    private static readonly FakeSong Song = new() { VideoId = "0h6XAAwX8II", Title = "Moments", Artists = ["Lost Identities", "Robbie Rosen"], Album = "Moments", Duration = TimeSpan.FromSeconds(220) };
    private static readonly FakeSong Official = new() { VideoId = "fxhzvHrTO2k", Title = "Moments", Artists = ["Lost Identities", "Robbie Rosen"], Duration = TimeSpan.FromSeconds(221), IsSong = false };
    private static readonly FakeSong Upload = new() { VideoId = "GnKXjblvqOg", Title = "Lost Identities & Robbie Rosen - Moments (Lyrics)", Artists = ["Lyrics Kart"], Duration = TimeSpan.FromSeconds(219), IsSong = false, NonSongVideoType = "MUSIC_VIDEO_TYPE_UGC" };

    private FakeSearchFixture _f = null!;
    private MusicDlSettings _settings = new() { AudioProviders = [SearchProviders.YouTubeMusic], MaxRetries = 0 };

    public async Task InitializeAsync() => _f = await FakeSearchFixture.StartAsync();

    public async Task DisposeAsync() => await _f.DisposeAsync();

    private static Track Moments(string? isrc = Isrc) => Track("Moments", "Lost Identities | Robbie Rosen", 220, "Moments", isrc: isrc);

    private AudioMatcher Matcher() => new(
        [new YouTubeMusicSearchClient(_f.Http, _f.Endpoints, _f.Time)], _settings, null, null, _f.Time, retryBaseDelay: TimeSpan.Zero);

    private List<(string? Params, string? Query, bool Continued)> Searches() =>
        _f.Music.Requests.Select(r => (r.Params, r.Query, r.Continuation is not null)).ToList();

    public static TheoryData<int[]> Orders => new() { new[] { 0, 1, 2 }, new[] { 1, 2, 0 }, new[] { 2, 0, 1 }, new[] { 2, 1, 0 } };

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task The_album_song_is_chosen_from_the_isrc_answer_whether_card_or_list_item(int[] order)
    {
        // The unfiltered ISRC answer puts its first result in the top-result card, the others in the list.
        var all = new[] { Song, Official, Upload };
        _f.Music.MapQuery(Isrc, [.. order.Select(i => all[i])]);

        var result = await Matcher().MatchAsync(Moments());

        Assert.Equal("0h6XAAwX8II", result.VideoId);
        Assert.Equal([(null, Isrc, false)], Searches());
        Assert.Equal(["0h6XAAwX8II", "fxhzvHrTO2k", "GnKXjblvqOg"], result.TopCandidates.Select(c => c.Candidate.VideoId));
    }

    [Fact]
    public async Task A_certain_official_video_from_the_isrc_search_waits_for_the_songs_search()
    {
        _f.Music.MapQuery(Isrc, Official).MapQuery(Query, Song);

        var result = await Matcher().MatchAsync(Moments());

        Assert.Equal("0h6XAAwX8II", result.VideoId);
        Assert.Equal([(null, Isrc, false), (FakeYouTubeMusic.SongsParams, Query, false)], Searches());
    }

    [Fact]
    public async Task Without_the_song_the_official_video_is_taken_and_the_videos_search_is_spared()
    {
        _f.Music.MapQuery(Isrc, Upload, Official);

        var result = await Matcher().MatchAsync(Moments());

        Assert.Equal("fxhzvHrTO2k", result.VideoId);
        Assert.Equal([(null, Isrc, false), (FakeYouTubeMusic.SongsParams, Query, false)], Searches());
    }

    private static FakeSong Other(int i) => new() { VideoId = $"other{i:000000}", Title = $"Another Song {i}", Artists = ["Someone Else"], Album = "Elsewhere" };

    [Fact]
    public async Task When_the_first_page_has_nothing_acceptable_the_next_page_is_read_before_the_next_query()
    {
        _f.Music.PageSize = 3;
        _f.Music.MapQuery(Query, Other(1), Other(2), Other(3), Song, Other(4));

        var result = await Matcher().MatchAsync(Moments(isrc: null));

        Assert.Equal("0h6XAAwX8II", result.VideoId);
        Assert.Equal([(FakeYouTubeMusic.SongsParams, Query, false), (FakeYouTubeMusic.SongsParams, Query, true)], Searches());
    }

    [Fact]
    public async Task At_most_one_more_page_is_read_per_query()
    {
        _f.Music.PageSize = 2;
        _f.Music.MapQuery(Query, Other(1), Other(2), Other(3), Other(4), Song);

        var result = await Matcher().MatchAsync(Moments(isrc: null));

        Assert.Equal(MatchStatus.NotFound, result.Status);
        Assert.Equal(
            [
                (FakeYouTubeMusic.SongsParams, Query, false), (FakeYouTubeMusic.SongsParams, Query, true),
                (FakeYouTubeMusic.VideosParams, Query, false),
            ],
            Searches());
    }

    [Fact]
    public async Task A_first_page_with_an_acceptable_candidate_reads_no_more()
    {
        // A cut 10 s longer passes without being certain; the exact song waits on the next page, unread.
        _f.Music.PageSize = 2;
        _f.Music.MapQuery(Query, Other(1), Song with { VideoId = "longercut01", Duration = TimeSpan.FromSeconds(230) }, Song);

        var result = await Matcher().MatchAsync(Moments(isrc: null));

        Assert.Equal("longercut01", result.VideoId);
        Assert.DoesNotContain(Searches(), s => s.Continued);
    }
}

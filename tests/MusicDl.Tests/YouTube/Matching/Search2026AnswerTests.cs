using MusicDl.Http;
using MusicDl.Caching;
using MusicDl.Configuration;
using MusicDl.Fakes.YouTubeMusic;
using MusicDl.Models;
using MusicDl.Tests.TestSupport;
using MusicDl.Tests.YouTube.Search;
using MusicDl.YouTube.Matching;
using MusicDl.YouTube.Search;
using static MusicDl.Tests.YouTube.Matching.TestTracks;

namespace MusicDl.Tests.YouTube.Matching;

/// <summary>
/// Issue 24: YouTube Music search as it answered in 2026. Next-page tokens come percent-encoded and must reach the URL
/// encoded once; a refused next page keeps page one and the rest of the plan; greyed-out rows are never candidates.
/// </summary>
public sealed class Search2026AnswerTests : IAsyncLifetime
{
    private static readonly FakeSong MomentsSong = new() { VideoId = "0h6XAAwX8II", Title = "Moments", Artists = ["Lost Identities"], Album = "Moments", Duration = TimeSpan.FromSeconds(220) };
    private static readonly FakeSong MomentsVideo = new() { VideoId = "14CjyUYO8lE", Title = "Moments", Artists = ["Lost Identities"], Duration = TimeSpan.FromSeconds(219), IsSong = false };

    private FakeSearchFixture _f = null!;
    private ICache _cache = null!;
    private readonly MusicDlSettings _settings = new() { AudioProviders = [SearchProviders.YouTubeMusic], MaxRetries = 1 };

    public async Task InitializeAsync()
    {
        _f = await FakeSearchFixture.StartAsync();
        _cache = TestCache.MemoryOnly(_f.Time, _settings);
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    private static Track Moments() => Track("Moments", "Lost Identities", 220, "Moments");

    private AudioMatcher Matcher() => new(
        [new YouTubeMusicSearchClient(_f.Http, _f.Endpoints, _f.Time)],
        _settings,
        _cache.Region(CacheRegions.AudioSearch, MatchingJsonContext.Default.SearchCandidateArray),
        _cache.Region(CacheRegions.Match, MatchingJsonContext.Default.CachedMatch),
        _f.Time,
        retryBaseDelay: TimeSpan.Zero);

    // Songs by the artist that are not the track: they fill page one of the songs search, so page two is asked for.
    private void AddOtherSongs(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _f.Music.Add(MomentsSong with { VideoId = $"other{i:000000}", Title = $"Another Song {i}", Album = "Elsewhere" });
        }
    }

    private int SongsSearches() => _f.Music.Requests.Count(r => r.Params == FakeYouTubeMusic.SongsParams && r.Continuation is null);

    [Fact]
    public async Task A_next_page_token_handed_out_percent_encoded_goes_into_the_url_encoded_exactly_once()
    {
        _f.Music.PageSize = 2;
        AddOtherSongs(3);
        var client = new YouTubeMusicSearchClient(_f.Http, _f.Endpoints, _f.Time);

        var first = await client.SearchAsync("Lost Identities", SearchFilter.Songs);
        var second = await client.ContinueAsync("Lost Identities", SearchFilter.Songs, first.ContinuationToken!);

        Assert.EndsWith("%3D%3D", first.ContinuationToken, StringComparison.Ordinal);
        var asked = _f.Music.Requests.Last().PathAndQuery;
        Assert.Contains($"&ctoken={first.ContinuationToken}&continuation={first.ContinuationToken}", asked, StringComparison.Ordinal);
        Assert.DoesNotContain("%25", asked, StringComparison.Ordinal);
        Assert.Equal(["other000002"], second.Candidates.Select(c => c.VideoId));
    }

    [Fact]
    public async Task A_refused_next_page_keeps_page_one_and_the_videos_search_still_runs_and_finds_the_track()
    {
        _f.Music.PageSize = 2;
        _f.Music.RefuseContinuations = true;
        AddOtherSongs(3);
        _f.Music.Add(MomentsVideo);

        var result = await Matcher().MatchAsync(Moments());

        Assert.Equal(MatchStatus.Matched, result.Status);
        Assert.Equal(MomentsVideo.VideoId, result.VideoId);
        Assert.Contains(_f.Music.Requests, r => r.Params == FakeYouTubeMusic.SongsParams && r.Continuation is not null);
        Assert.Contains(_f.Music.Requests, r => r.Params == FakeYouTubeMusic.VideosParams);
        // Page one's results were kept: they are among the candidates shown.
        Assert.Contains(result.TopCandidates, c => c.Candidate.VideoId == "other000000");
    }

    [Fact]
    public async Task When_nothing_is_found_a_refused_next_page_is_the_reported_failure_and_page_one_is_not_remembered_as_a_miss()
    {
        _f.Music.PageSize = 2;
        _f.Music.RefuseContinuations = true;
        AddOtherSongs(3);

        var failure = await Assert.ThrowsAsync<ServiceException>(() => Matcher().MatchAsync(Moments()));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, failure.Status);
        Assert.Equal(1, SongsSearches());

        // Page two was never seen: the next match asks again instead of trusting a negative entry.
        _f.Music.RefuseContinuations = false;
        var again = await Matcher().MatchAsync(Moments());
        Assert.Equal(MatchStatus.NotFound, again.Status);
        Assert.Equal(2, SongsSearches());
    }

    [Fact]
    public async Task A_next_page_failing_for_the_service_after_its_retries_is_a_transient_failure_that_counts_toward_stopping_the_run()
    {
        _f.Music.PageSize = 2;
        _f.Music.RefuseContinuations = true;
        _f.Music.ContinuationRefusalStatus = 503;
        AddOtherSongs(3);

        var failure = await Assert.ThrowsAsync<ServiceException>(() => Matcher().MatchAsync(Moments()));

        Assert.True(failure.IsTransient);
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, failure.Status);
        Assert.True(MusicDl.Downloading.Failures.IsSystemic(MusicDl.Downloading.Failures.Classify(failure)));
        // Retried like any search (max_retries 1), then the videos search still ran.
        Assert.Equal(2, _f.Music.Requests.Count(r => r.Continuation is not null));
        Assert.Contains(_f.Music.Requests, r => r.Params == FakeYouTubeMusic.VideosParams);
    }

    [Fact]
    public async Task A_greyed_out_row_is_read_as_greyed_out_with_its_id_in_songs_videos_and_the_unfiltered_answer()
    {
        _f.Music.Add(MomentsSong with { GreyedOut = true }, MomentsVideo with { GreyedOut = true, VideoId = "greyvideo01" }, MomentsVideo);
        var client = new YouTubeMusicSearchClient(_f.Http, _f.Endpoints, _f.Time);

        var songs = await client.SearchAsync("Lost Identities Moments", SearchFilter.Songs);
        var videos = await client.SearchAsync("Lost Identities Moments", SearchFilter.Videos);
        var all = await client.SearchAsync("Lost Identities Moments", SearchFilter.None);

        var song = Assert.Single(songs.Candidates);
        Assert.True(song.GreyedOut);
        Assert.Null(song.VideoType);
        Assert.Equal(MomentsSong.VideoId, song.VideoId);
        Assert.Equal([("greyvideo01", true), (MomentsVideo.VideoId, false)], videos.Candidates.Select(c => (c.VideoId, c.GreyedOut)));
        // The card is the one playable result; the greyed-out rows beside it are marked.
        Assert.Equal(MomentsVideo.VideoId, all.Candidates[0].VideoId);
        Assert.All(all.Candidates, c => Assert.Equal(c.VideoId != MomentsVideo.VideoId, c.GreyedOut));
    }

    [Fact]
    public void The_parser_reads_the_grey_out_policy_of_a_row_and_of_the_top_card()
    {
        const string answer = """
            {"contents":{"sectionListRenderer":{"contents":[
              {"musicCardShelfRenderer":{
                "title":{"runs":[{"text":"Royalty","navigationEndpoint":{"watchEndpoint":{"videoId":"cardvideo01"}}}]},
                "subtitle":{"runs":[{"text":"Egzod"}]},
                "musicItemRendererDisplayPolicy":"MUSIC_ITEM_RENDERER_DISPLAY_POLICY_GREY_OUT"}},
              {"musicShelfRenderer":{"contents":[
                {"musicResponsiveListItemRenderer":{
                  "flexColumns":[{"musicResponsiveListItemFlexColumnRenderer":{"text":{"runs":[{"text":"Energy"}]}}}],
                  "playlistItemData":{"videoId":"greyrow0001"},
                  "musicItemRendererDisplayPolicy":"MUSIC_ITEM_RENDERER_DISPLAY_POLICY_GREY_OUT"}}]}}]}}}
            """;
        using var doc = System.Text.Json.JsonDocument.Parse(answer);

        var page = YouTubeMusicSearchParser.Parse(doc.RootElement);

        Assert.Equal([("cardvideo01", true), ("greyrow0001", true)], page.Candidates.Select(c => (c.VideoId, c.GreyedOut)));
    }

    [Fact]
    public async Task A_greyed_out_song_that_fits_perfectly_is_never_the_match_and_is_listed_as_skipped_with_the_reason()
    {
        _f.Music.Add(MomentsSong with { GreyedOut = true }, MomentsVideo);
        for (var i = 0; i < 6; i++)
        {
            // More than five other results that outrank it: the skipped row is listed all the same.
            _f.Music.Add(MomentsVideo with { VideoId = $"moreVideo{i:00}", Title = "Moments (Official Video)", Duration = TimeSpan.FromSeconds(221 + i) });
        }

        var result = await Matcher().MatchAsync(Moments());

        Assert.Equal(MatchStatus.Matched, result.Status);
        Assert.NotEqual(MomentsSong.VideoId, result.VideoId);
        var skipped = Assert.Single(result.TopCandidates, c => c.Candidate.VideoId == MomentsSong.VideoId);
        Assert.Equal(MatchScorer.GreyedOutReason, skipped.Score.Rejection);
        Assert.Equal(0, skipped.Score.Value);
        Assert.Equal(MatchScorer.GreyedOutReason, skipped.ToReport().Rejection);
    }

    [Fact]
    public void The_scorer_rejects_a_greyed_out_candidate_whatever_it_fits()
    {
        var greyed = Song("Moments", "Lost Identities", 220, "Moments") with { GreyedOut = true, VideoType = null, IsSong = false };

        var score = MatchScorer.Score(Moments(), greyed, fromIsrcSearch: true);

        Assert.True(score.IsRejected);
        Assert.Equal(MatchScorer.GreyedOutReason, score.Rejection);
    }
}

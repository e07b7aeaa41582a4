using Microsoft.Extensions.Logging;
using MusicDl.Http;
using MusicDl.Caching;
using MusicDl.Configuration;
using MusicDl.Fakes;
using MusicDl.Fakes.YouTubeMusic;
using MusicDl.Models;
using MusicDl.Tests.TestSupport;
using MusicDl.Tests.YouTube.Search;
using MusicDl.YouTube.Matching;
using MusicDl.YouTube.Search;
using static MusicDl.Tests.YouTube.Matching.TestTracks;

namespace MusicDl.Tests.YouTube.Matching;

public sealed class AudioMatcherTests : IAsyncLifetime
{
    private const string TrackId = "4uLU6hMCjMI75M1A2tKUQC";

    private static readonly FakeSong MomentsSong = new() { VideoId = "0h6XAAwX8II", Title = "Moments", Artists = ["Lost Identities", "Robbie Rosen"], Album = "Moments", Duration = TimeSpan.FromSeconds(220), Isrc = "GB2LD2210007" };
    private static readonly FakeSong MomentsVideo = new() { VideoId = "14CjyUYO8lE", Title = "Moments", Artists = ["Robbie Rosen", "Lost Identities"], Duration = TimeSpan.FromSeconds(219), IsSong = false };
    private static readonly FakeSong MomentsAcoustic = new() { VideoId = "wgpEmlJ3guA", Title = "Moments (Acoustic Version)", Artists = ["Lost Identities", "Robbie Rosen"], Album = "Moments (Acoustic Version)", Duration = TimeSpan.FromSeconds(169) };

    private FakeSearchFixture _f = null!;
    private ICacheRegion<SearchCandidate[]> _searchCache = null!;
    private ICacheRegion<CachedMatch> _matchCache = null!;
    private MusicDlSettings _settings = new() { AudioProviders = [SearchProviders.YouTubeMusic, SearchProviders.YouTube], MaxRetries = 2 };

    public async Task InitializeAsync()
    {
        _f = await FakeSearchFixture.StartAsync();
        UseCache(TestCache.MemoryOnly(_f.Time, _settings));
    }

    public async Task DisposeAsync() => await _f.DisposeAsync();

    private void UseCache(ICache cache)
    {
        _searchCache = cache.Region(CacheRegions.AudioSearch, MatchingJsonContext.Default.SearchCandidateArray);
        _matchCache = cache.Region(CacheRegions.Match, MatchingJsonContext.Default.CachedMatch);
    }

    private static Track Moments(string? isrc = null, string id = TrackId) =>
        Track("Moments", "Lost Identities | Robbie Rosen", 220, "Moments", id: id, isrc: isrc);

    private AudioMatcher Matcher(ILogger<AudioMatcher>? logger = null) => new(
        [new YouTubeMusicSearchClient(_f.Http, _f.Endpoints, _f.Time), new YouTubeSearchClient(_f.Http, _f.Endpoints, _f.Time)],
        _settings,
        _searchCache,
        _matchCache,
        _f.Time,
        retryBaseDelay: TimeSpan.Zero,
        logger);

    private List<(string Client, string? Params, string? Query)> Searches() =>
        _f.Music.Requests.Select(r => (r.ClientName, r.Params, r.Query)).ToList();

    [Fact]
    public async Task The_isrc_is_searched_first_and_a_certain_answer_ends_the_search()
    {
        _f.Music.Add(MomentsSong, MomentsVideo);
        var matcher = Matcher();

        var result = await matcher.MatchAsync(Moments(isrc: "GB2LD2210007"));

        Assert.Equal(MatchStatus.Matched, result.Status);
        Assert.Equal("0h6XAAwX8II", result.VideoId);
        Assert.Equal(SearchProviders.YouTubeMusic, result.Provider);
        Assert.True(result.Score >= MatchScorer.CertainScore);
        Assert.Equal([("WEB_REMIX", null, "GB2LD2210007")], Searches());
        Assert.Equal(1, matcher.SearchRequests);
    }

    [Fact]
    public async Task Without_a_certain_answer_the_order_is_isrc_songs_videos_then_plain_youtube()
    {
        // Only wrong versions exist: every search of the plan runs.
        _f.Music.Add(MomentsAcoustic);

        var result = await Matcher().MatchAsync(Moments(isrc: "XX0000000000"));

        Assert.Equal(MatchStatus.NotFound, result.Status);
        Assert.Equal(
            [
                ("WEB_REMIX", null, "XX0000000000"),
                ("WEB_REMIX", FakeYouTubeMusic.SongsParams, "Lost Identities, Robbie Rosen - Moments"),
                ("WEB_REMIX", FakeYouTubeMusic.VideosParams, "Lost Identities, Robbie Rosen - Moments"),
                ("WEB", "EgIQAfABAQ==", "Lost Identities, Robbie Rosen - Moments"),
            ],
            Searches());
    }

    [Fact]
    public async Task A_video_is_taken_when_no_song_matches()
    {
        _f.Music.Add(MomentsVideo);

        var result = await Matcher().MatchAsync(Moments());

        Assert.Equal("14CjyUYO8lE", result.VideoId);
        Assert.InRange(result.Score!.Value, _settings.MatchThreshold, MatchScorer.CertainScore);
    }

    [Fact]
    public async Task Plain_youtube_is_asked_only_when_audio_providers_lists_it()
    {
        _settings = _settings with { AudioProviders = [SearchProviders.YouTubeMusic] };

        var result = await Matcher().MatchAsync(Moments());

        Assert.Equal(MatchStatus.NotFound, result.Status);
        Assert.Equal(0, _f.Music.CountFor("WEB"));
        Assert.Equal(2, _f.Music.CountFor("WEB_REMIX"));
    }

    [Fact]
    public async Task No_acceptable_candidate_is_not_found_with_the_rejected_candidates_listed()
    {
        _f.Music.Add(MomentsAcoustic);

        var result = await Matcher().MatchAsync(Moments());

        Assert.Equal(MatchStatus.NotFound, result.Status);
        Assert.Null(result.VideoId);
        var top = Assert.Single(result.TopCandidates);
        Assert.Equal("wgpEmlJ3guA", top.Candidate.VideoId);
        Assert.Contains("acoustic", top.Score.Rejection, StringComparison.Ordinal);
        Assert.Equal(CacheLookupKind.Miss, await _matchCache.LookUpAsync(TrackId));
    }

    [Fact]
    public async Task Searches_without_an_acceptable_result_are_cached_as_negative_entries_until_the_negative_ttl()
    {
        _f.Music.Add(MomentsAcoustic);
        await Matcher().MatchAsync(Moments());
        var afterFirst = _f.Music.Requests.Count;

        var again = await Matcher().MatchAsync(Moments());

        Assert.Equal(MatchStatus.NotFound, again.Status);
        Assert.Equal(afterFirst, _f.Music.Requests.Count);
        // Each of the three searches was stored, and each came back as a negative entry: no entry holds a value.
        var statistics = _searchCache.GetStatistics();
        Assert.Equal(3, statistics.Entries);
        Assert.Equal(3, statistics.NegativeHits);
        Assert.Equal(0, statistics.Hits);

        _f.Time.Advance(_settings.NegativeSearchCacheTtl + TimeSpan.FromSeconds(1));
        await Matcher().MatchAsync(Moments());

        Assert.Equal(2 * afterFirst, _f.Music.Requests.Count);
    }

    [Fact]
    public async Task The_search_cache_key_is_provider_filter_and_the_normalised_query()
    {
        _f.Music.Add(MomentsVideo);
        await Matcher().MatchAsync(Moments());
        var requests = _f.Music.Requests.Count;

        // Another track id (so no match cache hit), same query up to case and spacing.
        var shouting = Track("MOMENTS ", "Lost  Identities | Robbie Rosen", 220, "Moments", id: "0000000000000000000001");
        var result = await Matcher().MatchAsync(shouting);

        Assert.Equal("14CjyUYO8lE", result.VideoId);
        Assert.Equal(requests, _f.Music.Requests.Count);
        Assert.Equal(CacheLookupKind.Hit, await _searchCache.LookUpAsync("youtube-music|videos|lost identities, robbie rosen - moments"));
    }

    [Fact]
    public async Task Transient_errors_are_retried_per_track()
    {
        _f.Music.Add(MomentsSong);
        _f.Music.Route.Fail(new FakeFault { Status = 503, Times = 2 });

        var result = await Matcher().MatchAsync(Moments());

        Assert.Equal("0h6XAAwX8II", result.VideoId);
        Assert.Equal(3, _f.Music.Route.Count);
    }

    [Fact]
    public async Task Transient_errors_that_persist_fail_the_track_and_are_never_cached_as_not_found()
    {
        _f.Music.Add(MomentsSong);
        _f.Music.Route.Fail(new FakeFault { Status = 403 });

        var ex = await Assert.ThrowsAsync<ServiceException>(() => Matcher().MatchAsync(Moments()));

        Assert.True(ex.IsTransient);
        // YouTube Music (its first search; the videos search is spared) and plain YouTube, each tried 1 + MaxRetries times.
        Assert.Equal(2 * (1 + _settings.MaxRetries), _f.Music.Route.Count);
        Assert.Equal(0, _searchCache.Entries());
        Assert.Equal(0, _matchCache.Entries());

        _f.Music.Route.ClearFaults();
        var result = await Matcher().MatchAsync(Moments());
        Assert.Equal("0h6XAAwX8II", result.VideoId);
    }

    [Fact]
    public async Task An_oversize_search_answer_fails_the_track_unread_once_per_provider_and_is_never_cached()
    {
        _f.Music.Add(MomentsSong);
        _f.Music.Route.Fail(new FakeFault { OversizeJsonBytes = 9 * 1024 * 1024 });

        var ex = await Assert.ThrowsAsync<ServiceException>(() => Matcher().MatchAsync(Moments()));

        Assert.Contains("larger than 8 MB", ex.Message, StringComparison.Ordinal);
        // Not asked again within the run (the same megabytes would come back): YouTube Music once, plain YouTube once.
        Assert.Equal(2, _f.Music.Route.Count);
        Assert.Equal(0, _searchCache.Entries());
        Assert.Equal(0, _matchCache.Entries());

        _f.Music.Route.ClearFaults();
        Assert.Equal("0h6XAAwX8II", (await Matcher().MatchAsync(Moments())).VideoId);
    }

    [Fact]
    public async Task A_failing_provider_does_not_hide_a_match_found_by_the_next()
    {
        _f.Music.Add(MomentsVideo);
        // YouTube Music fails for good, plain YouTube recovers on its last retry.
        _f.Music.Route.Fail(new FakeFault { Status = 500, Times = (1 + _settings.MaxRetries) + _settings.MaxRetries });

        var result = await Matcher().MatchAsync(Moments());

        Assert.Equal("14CjyUYO8lE", result.VideoId);
        Assert.Equal(SearchProviders.YouTube, result.Provider);
        Assert.Equal(2 * (1 + _settings.MaxRetries), _f.Music.Route.Count);
        Assert.Equal(1, _f.Music.CountFor("WEB"));
    }

    [Fact]
    public async Task A_matched_track_is_answered_from_the_match_cache_without_searching()
    {
        _f.Music.Add(MomentsSong);
        var folder = Directory.CreateTempSubdirectory("musicdl-match-");
        try
        {
            var file = Path.Combine(folder.FullName, "cache.db");
            MatchResult first;
            await using (var firstRun = TestCache.OnDisk(file, _f.Time, _settings))
            {
                UseCache(firstRun);
                first = await Matcher().MatchAsync(Moments());
            }

            var requests = _f.Music.Requests.Count;

            // The next run over the same file: the match comes back through its JSON.
            await using var nextRun = TestCache.OnDisk(file, _f.Time, _settings);
            UseCache(nextRun);
            var second = await Matcher().MatchAsync(Moments());

            Assert.Equal(MatchSource.Search, first.Source);
            Assert.Equal(MatchSource.Cache, second.Source);
            Assert.Equal(1, _matchCache.GetStatistics().PersistentHits);
            Assert.Empty(nextRun.Warnings.Messages);
            Assert.Equal(first.VideoId, second.VideoId);
            Assert.Equal(first.Score, second.Score);
            Assert.Equal("Moments", second.Title);
            Assert.Equal(requests, _f.Music.Requests.Count);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task An_unavailable_cached_video_is_dropped_and_searched_again_without_it()
    {
        _f.Music.Add(MomentsSong, MomentsVideo);
        var matcher = Matcher();
        var first = await matcher.MatchAsync(Moments());

        var second = await matcher.RematchAsync(Moments(), first.VideoId!);
        var third = await matcher.MatchAsync(Moments());

        Assert.Equal("0h6XAAwX8II", first.VideoId);
        Assert.Equal("14CjyUYO8lE", second.VideoId);
        Assert.Equal(MatchSource.Cache, third.Source);
        Assert.Equal("14CjyUYO8lE", third.VideoId);
    }

    [Theory]
    [InlineData("dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10")]
    [InlineData("https://music.youtube.com/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ")]
    public async Task An_override_pins_the_video_and_nothing_is_searched(string value)
    {
        _f.Music.Add(MomentsSong);
        _settings = _settings with { Overrides = new Dictionary<string, string> { [TrackId] = value } };

        var result = await Matcher().MatchAsync(Moments(isrc: "GB2LD2210007"));

        Assert.Equal(MatchStatus.Matched, result.Status);
        Assert.Equal("dQw4w9WgXcQ", result.VideoId);
        Assert.Equal(MatchSource.Override, result.Source);
        Assert.Empty(_f.Music.Requests);
    }

    [Fact]
    public async Task A_skip_override_excludes_the_track_without_searching()
    {
        _settings = _settings with { Overrides = new Dictionary<string, string> { [TrackId] = "SKIP" } };

        var result = await Matcher().MatchAsync(Moments());

        Assert.Equal(MatchStatus.Excluded, result.Status);
        Assert.Empty(_f.Music.Requests);
    }

    [Fact]
    public async Task A_bad_override_is_a_one_line_error_naming_the_track()
    {
        _settings = _settings with { Overrides = new Dictionary<string, string> { [TrackId] = "not a video" } };

        var ex = await Assert.ThrowsAsync<FormatException>(() => Matcher().MatchAsync(Moments()));

        Assert.Contains(TrackId, ex.Message, StringComparison.Ordinal);
        Assert.Contains("'not a video'", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public async Task A_stricter_threshold_turns_a_video_match_into_not_found()
    {
        _f.Music.Add(MomentsVideo with { Duration = TimeSpan.FromSeconds(235) });
        var lenient = await Matcher().MatchAsync(Moments());
        _settings = _settings with { MatchThreshold = 0.95 };

        var strict = await Matcher().MatchAsync(Moments(id: "0000000000000000000002"));

        Assert.Equal(MatchStatus.Matched, lenient.Status);
        Assert.Equal(MatchStatus.NotFound, strict.Status);
        Assert.Equal(lenient.Score, strict.TopCandidates[0].Score.Value);
    }

    [Fact]
    public async Task The_top_candidates_are_logged_at_debug_with_scores_and_rejections()
    {
        _f.Music.Add(MomentsSong, MomentsAcoustic);
        var logger = new ListLogger<AudioMatcher>();

        await Matcher(logger).MatchAsync(Moments());

        var lines = logger.Lines.Where(l => l.Level == LogLevel.Debug).Select(l => l.Message).ToList();
        Assert.Contains(lines, l => l.Contains("0h6XAAwX8II", StringComparison.Ordinal) && l.Contains("\"Moments\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("wgpEmlJ3guA", StringComparison.Ordinal) && l.Contains("rejected: other version (acoustic)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_wires_both_providers_from_the_endpoints_and_the_cache_regions()
    {
        _f.Music.Add(MomentsVideo);
        var settings = _settings with { Endpoints = _f.Endpoints };
        await using var cache = TestCache.MemoryOnly(_f.Time, settings);

        var first = await AudioMatcher.Create(_f.Http, settings, cache, _f.Time).MatchAsync(Moments());
        var second = await AudioMatcher.Create(_f.Http, settings, cache, _f.Time).MatchAsync(Moments());

        Assert.Equal("14CjyUYO8lE", first.VideoId);
        Assert.Equal(MatchSource.Cache, second.Source);
        Assert.NotEqual(0, cache.Region(CacheRegions.AudioSearch, MatchingJsonContext.Default.SearchCandidateArray).Entries());
        Assert.Equal(CacheLookupKind.Hit, await cache.Region(CacheRegions.Match, MatchingJsonContext.Default.CachedMatch).LookUpAsync(TrackId));
    }

    [Fact]
    public async Task No_cache_setting_searches_every_time()
    {
        _f.Music.Add(MomentsVideo);
        var settings = _settings with { Endpoints = _f.Endpoints, NoCache = true };

        // --no-cache is decided once, by the cache the run builds: every lookup passes through it.
        await using var cache = CacheFactory.Create(settings, _f.Time);

        await AudioMatcher.Create(_f.Http, settings, cache, _f.Time).MatchAsync(Moments());
        var requests = _f.Music.Requests.Count;
        await AudioMatcher.Create(_f.Http, settings, cache, _f.Time).MatchAsync(Moments());

        Assert.Equal(2 * requests, _f.Music.Requests.Count);
        Assert.Equal(0, cache.Region(CacheRegions.Match, MatchingJsonContext.Default.CachedMatch).Entries());
    }

    [Fact]
    public async Task A_cached_match_below_a_raised_threshold_is_searched_again()
    {
        _f.Music.Add(MomentsVideo with { Duration = TimeSpan.FromSeconds(235) });
        var lenient = await Matcher().MatchAsync(Moments());
        var requests = _f.Music.Requests.Count;
        _settings = _settings with { MatchThreshold = 0.95 };

        var strict = await Matcher().MatchAsync(Moments());

        Assert.Equal(MatchStatus.Matched, lenient.Status);
        Assert.Equal(MatchStatus.NotFound, strict.Status);
        Assert.Equal(MatchSource.Search, strict.Source);
        // The search answers themselves are still cached: scoring again costs no request.
        Assert.Equal(requests, _f.Music.Requests.Count);
    }
}

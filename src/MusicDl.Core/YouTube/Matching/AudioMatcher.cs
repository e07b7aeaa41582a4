using Microsoft.Extensions.Logging;
using MusicDl.Caching;
using MusicDl.Configuration;
using MusicDl.Http;
using MusicDl.Models;
using MusicDl.YouTube.Search;
using MusicDl.YouTube.Visitor;

namespace MusicDl.YouTube.Matching;

/// <summary>
/// Finds the YouTube video for a Spotify track: overrides first (never searched), then the <c>match</c>
/// cache, then the searches in order - ISRC, "artists - title" as songs, as videos, then the plain
/// YouTube provider when <c>audio_providers</c> lists it - stopping as soon as a candidate is certain.
/// Search answers are cached in <c>audio_search</c>; searches without an acceptable candidate are cached
/// as negative entries; transient failures are retried and never cached.
/// </summary>
public sealed class AudioMatcher
{
    private const int TopCount = 5;

    private readonly IReadOnlyList<IAudioSearchProvider> _providers;
    private readonly MusicDlSettings _settings;
    private readonly ICacheRegion<SearchCandidate[]>? _searchCache;
    private readonly ICacheRegion<CachedMatch>? _matchCache;
    private readonly TimeProvider _time;
    private readonly TimeSpan _retryBaseDelay;
    private readonly ILogger? _logger;

    /// <param name="providers">The search clients available; <c>settings.AudioProviders</c> picks and orders them.</param>
    /// <param name="settings">Threshold, overrides, retries, providers, cache TTLs.</param>
    /// <param name="searchCache">The <c>audio_search</c> region (null: no caching).</param>
    /// <param name="matchCache">The <c>match</c> region (null: no caching).</param>
    /// <param name="time">For retry back-off delays.</param>
    /// <param name="retryBaseDelay">First retry delay, doubled each time (default 1 s).</param>
    /// <param name="logger">Receives the top candidates at debug level (<c>-v</c>).</param>
    public AudioMatcher(
        IEnumerable<IAudioSearchProvider> providers,
        MusicDlSettings settings,
        ICacheRegion<SearchCandidate[]>? searchCache = null,
        ICacheRegion<CachedMatch>? matchCache = null,
        TimeProvider? time = null,
        TimeSpan? retryBaseDelay = null,
        ILogger<AudioMatcher>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(providers);
        ArgumentNullException.ThrowIfNull(settings);
        _providers = providers.ToList();
        _settings = settings;
        _searchCache = searchCache;
        _matchCache = matchCache;
        _time = time ?? TimeProvider.System;
        _retryBaseDelay = retryBaseDelay ?? TimeSpan.FromSeconds(1);
        _logger = logger;
    }

    /// <summary>
    /// The matcher with both search providers on <c>settings.Endpoints</c> and the <c>audio_search</c> and
    /// <c>match</c> regions of <paramref name="cache"/> (none when null; under <c>--no-cache</c> the run's cache is
    /// already pass-through: <see cref="CacheFactory"/> decides that once).
    /// </summary>
    public static AudioMatcher Create(
        HttpClient http, MusicDlSettings settings, ICache? cache = null, TimeProvider? time = null, ILogger<AudioMatcher>? logger = null, VisitorSession? visitor = null, YouTubeSession? session = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        time ??= TimeProvider.System;
        var useCache = cache is not null;
        return new AudioMatcher(
            [
                new YouTubeMusicSearchClient(http, settings.Endpoints, time, visitor, settings.Market, session),
                new YouTubeSearchClient(http, settings.Endpoints, time, visitor, settings.Market, session),
            ],
            settings,
            useCache ? cache!.Region(CacheRegions.AudioSearch, MatchingJsonContext.Default.SearchCandidateArray) : null,
            useCache ? cache!.Region(CacheRegions.Match, MatchingJsonContext.Default.CachedMatch) : null,
            time,
            logger: logger);
    }

    /// <summary>Search requests sent over all providers (for the run summary).</summary>
    public long SearchRequests => _providers.Sum(p => p.RequestCount);

    /// <summary>
    /// Matches one track. Throws <see cref="ServiceException"/> when searches failed and nothing matched
    /// (a failure, not a "not found").
    /// </summary>
    public Task<MatchResult> MatchAsync(Track track, CancellationToken cancellationToken = default) =>
        MatchCoreAsync(track, excludedVideoId: null, cancellationToken);

    /// <summary>
    /// The cached or chosen video turned out unavailable: drops the cached match and searches once more
    /// without that video.
    /// </summary>
    public async Task<MatchResult> RematchAsync(Track track, string unavailableVideoId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(track);
        await ForgetMatchAsync(track.Id, cancellationToken);
        return await MatchCoreAsync(track, unavailableVideoId, cancellationToken);
    }

    /// <summary>Drops the cached match of a track, so the next <see cref="MatchAsync"/> searches.</summary>
    public async ValueTask ForgetMatchAsync(string trackId, CancellationToken cancellationToken = default)
    {
        if (_matchCache is not null)
        {
            await _matchCache.RemoveAsync(trackId, cancellationToken);
        }
    }

    private async Task<MatchResult> MatchCoreAsync(Track track, string? excludedVideoId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);

        if (_settings.Overrides.TryGetValue(track.Id, out var pinned))
        {
            var o = MatchOverride.Parse(track.Id, pinned);
            return o.Skip
                ? MatchResult.Excluded()
                : new MatchResult { Status = MatchStatus.Matched, VideoId = o.VideoId, Provider = "override", Score = 1, Source = MatchSource.Override };
        }

        // Review and explain want every track's candidates: the cached match is not read (the answers still are).
        if (_matchCache is not null && excludedVideoId is null && !_settings.RecheckMatches)
        {
            var cached = await _matchCache.GetAsync(track.Id, cancellationToken);
            // A match cached under a lower threshold than today's is searched again.
            if (cached is { IsHit: true, Value: { } m } && m.Score >= _settings.MatchThreshold)
            {
                return new MatchResult
                {
                    Status = MatchStatus.Matched, VideoId = m.VideoId, Provider = m.Provider, Score = m.Score, Title = m.Title, Source = MatchSource.Cache,
                };
            }
        }

        var scored = new List<ScoredCandidate>();
        ServiceException? failure = null;
        var failedProviders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in Plan(track))
        {
            if (failedProviders.Contains(step.Provider.Name))
            {
                // It failed through all its retries just now: spare it the other filters.
                continue;
            }

            IReadOnlyList<SearchCandidate> candidates;
            try
            {
                (candidates, var pageFailure) = await SearchCachedAsync(track, step, cancellationToken);
                // A refused next page keeps the first page and the rest of the plan; it is reported like any other
                // search failure when nothing is found in the end.
                failure ??= pageFailure;
            }
            catch (ServiceException ex)
            {
                // Another provider may still find it; report the failure only if none does.
                failure ??= ex;
                failedProviders.Add(step.Provider.Name);
                continue;
            }

            scored.AddRange(candidates
                .Where(c => !string.Equals(c.VideoId, excludedVideoId, StringComparison.Ordinal))
                .Select(c => new ScoredCandidate(c, MatchScorer.Score(track, c, step.IsIsrc), step.Query, step.Filter)));
            if (Settled(scored, step))
            {
                break;
            }
        }

        var ranked = CandidateRanking.Rank(scored, _settings.MatchThreshold);
        var top = ranked.Take(TopCount).ToList();
        // Greyed-out results are always listed (as skipped, with the reason), so --explain shows why a result was not taken.
        top.AddRange(ranked.Skip(TopCount).Where(s => s.Candidate.GreyedOut));
        Log(track, top);

        if (top.Count > 0 && top[0].Score.Value >= _settings.MatchThreshold)
        {
            var best = top[0];
            if (_matchCache is not null)
            {
                await _matchCache.SetAsync(
                    track.Id,
                    new CachedMatch(best.Candidate.VideoId, best.Candidate.Provider, best.Score.Value, best.Candidate.Title),
                    cancellationToken: cancellationToken);
            }

            return MatchResult.Found(best.Candidate, best.Score.Value, top);
        }

        if (failure is not null)
        {
            throw failure;
        }

        return MatchResult.NotFound(top);
    }

    /// <summary>
    /// A certain song ends the search. A certain video from the ISRC search does not yet: the songs search
    /// comes first, as the album's audio is preferred over a video of the same recording.
    /// </summary>
    private static bool Settled(List<ScoredCandidate> scored, SearchStep step) =>
        scored.Any(s => s.Score.Value >= MatchScorer.CertainScore && (s.Candidate.Kind == CandidateKind.Song || !step.IsIsrc));

    private IEnumerable<SearchStep> Plan(Track track)
    {
        var query = $"{track.ArtistsJoined} - {track.Title}";
        foreach (var name in _settings.AudioProviders)
        {
            var provider = _providers.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (provider is null)
            {
                continue;
            }

            if (provider.Name == SearchProviders.YouTubeMusic && !string.IsNullOrWhiteSpace(track.Isrc))
            {
                yield return new SearchStep(provider, SearchFilter.None, track.Isrc, IsIsrc: true);
            }

            foreach (var filter in new[] { SearchFilter.Songs, SearchFilter.Videos })
            {
                if (provider.Supports(filter))
                {
                    yield return new SearchStep(provider, filter, query, IsIsrc: false);
                }
            }
        }
    }

    private async Task<(IReadOnlyList<SearchCandidate> Candidates, ServiceException? PageFailure)> SearchCachedAsync(
        Track track, SearchStep step, CancellationToken cancellationToken)
    {
        if (_searchCache is null)
        {
            return await SearchPagesAsync(track, step, cancellationToken);
        }

        IReadOnlyList<SearchCandidate>? fresh = null;
        ServiceException? pageFailure = null;
        var lookup = await _searchCache.GetOrCreateAsync(
            step.CacheKey,
            async ct =>
            {
                (var found, pageFailure) = await SearchPagesAsync(track, step, ct);
                fresh = found;
                var acceptable = found.Any(c => Acceptable(track, c, step));
                if (!acceptable && pageFailure is not null)
                {
                    // Page two was never seen: not a verdict to remember. Handed on to the callers, stored nowhere.
                    return new CacheLookup<SearchCandidate[]>(CacheLookupKind.Miss, found.ToArray());
                }

                // Nothing this track could use: remember that for the negative TTL.
                return acceptable
                    ? CacheLookup<SearchCandidate[]>.Found(found.ToArray(), _settings.AudioSearchCacheTtl)
                    : CacheLookup<SearchCandidate[]>.Absent(_settings.NegativeSearchCacheTtl);
            },
            cancellationToken);
        // A fresh answer stored as negative still shows its rejected candidates in this run's log.
        return (lookup.Value is { } v ? v : fresh ?? [], pageFailure);
    }

    private bool Acceptable(Track track, SearchCandidate candidate, SearchStep step) =>
        MatchScorer.Score(track, candidate, step.IsIsrc).Value >= _settings.MatchThreshold;

    /// <summary>
    /// The first page, and when nothing on it passes the threshold, the next one (at most one more page per query:
    /// further down the answer drifts away from the query). A next page that fails (after its retries) leaves the
    /// first page's results, with the failure.
    /// </summary>
    private async Task<(IReadOnlyList<SearchCandidate> Candidates, ServiceException? PageFailure)> SearchPagesAsync(
        Track track, SearchStep step, CancellationToken cancellationToken)
    {
        var first = await WithRetriesAsync(ct => step.Provider.SearchAsync(step.Query, step.Filter, ct), cancellationToken);
        if (first.ContinuationToken is not { } token || first.Candidates.Any(c => Acceptable(track, c, step)))
        {
            return (first.Candidates, null);
        }

        SearchPage next;
        try
        {
            next = await WithRetriesAsync(ct => step.Provider.ContinueAsync(step.Query, step.Filter, token, ct), cancellationToken);
        }
        catch (ServiceException ex)
        {
            _logger?.LogWarning("{Provider} refused the next page of \"{Query}\" ({Reason}); going on with the first page", step.Provider.Name, step.Query, ex.Message);
            return (first.Candidates, ex);
        }

        return (first.Candidates.Concat(next.Candidates).DistinctBy(c => c.VideoId, StringComparer.Ordinal).ToList(), null);
    }

    // The run's one retry mechanism (RetryPlan): a failed page is asked again as a whole, with back-off, while the
    // failure says nothing about the query. Not an oversize answer (it would only be fetched once more) nor a
    // session limit (every call prolongs it).
    private Task<SearchPage> WithRetriesAsync(Func<CancellationToken, Task<SearchPage>> search, CancellationToken cancellationToken) =>
        new RetryPlan(_settings.MaxRetries, _retryBaseDelay, TimeSpan.Zero)
            .Build<SearchPage>(
                _time,
                outcome => outcome.Exception is ServiceException { IsTransient: true, Kind: not ServiceFailureKind.SessionLimit } failure
                    && failure.InnerException is not BodyTooLargeException)
            .ExecuteAsync(ct => new ValueTask<SearchPage>(search(ct)), cancellationToken)
            .AsTask();

    private void Log(Track track, List<ScoredCandidate> top)
    {
        if (_logger is null || !_logger.IsEnabled(LogLevel.Debug))
        {
            return;
        }

        foreach (var s in top)
        {
            _logger.LogDebug(
                "{Track}: {Score:0.000} {VideoId} {Kind} \"{Title}\" by {Artists} ({Provider}, {Filter}){Rejection}",
                track.Id,
                s.Score.Value,
                s.Candidate.VideoId,
                CandidateRanking.KindName(s.Candidate.Kind),
                s.Candidate.Title,
                string.Join(", ", s.Candidate.Artists),
                s.Candidate.Provider,
                s.Filter,
                s.Score.Rejection is { } r ? " rejected: " + r : string.Empty);
        }
    }
}

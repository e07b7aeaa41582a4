using Microsoft.Extensions.Logging;
using MusicDl.Audio;
using MusicDl.Caching;
using MusicDl.Configuration;
using MusicDl.Downloading;
using MusicDl.Http;
using MusicDl.Library;
using MusicDl.Lyrics;
using MusicDl.MusicBrainz;
using MusicDl.Output;
using MusicDl.Spotify;
using MusicDl.Tagging;
using MusicDl.YouTube;
using MusicDl.YouTube.Download;
using MusicDl.YouTube.Matching;
using MusicDl.YouTube.Visitor;

namespace MusicDl.Composition;

/// <summary>
/// The composition root of a run: the cache, the Spotify client behind its cache region, the matcher, the audio
/// producer and the library, joined into a <see cref="Downloader"/>. Only what the mode needs is built: `match`
/// opens no library, and only a run that downloads needs ffmpeg (located before anything starts), or a metadata run
/// with ReplayGain on, which measures the local files.
/// </summary>
public sealed class MusicDlRuntime : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly LayeredCache _cache;
    private readonly SpotifyClient _spotify;
    private readonly AudioMatcher _matcher;
    private readonly AudioDownloader? _audio;
    private readonly MusicLibrary? _library;

    private MusicDlRuntime(HttpClient http, LayeredCache cache, SpotifyClient spotify, AudioMatcher matcher, AudioDownloader? audio, MusicLibrary? library, Downloader downloader, IReadOnlyList<ServiceHealth> optionalServices)
    {
        OptionalServices = optionalServices;
        _http = http;
        _cache = cache;
        _spotify = spotify;
        _matcher = matcher;
        _audio = audio;
        _library = library;
        Downloader = downloader;
    }

    public Downloader Downloader { get; }

    public ICache Cache => _cache;

    public MusicLibrary? Library => _library;

    /// <summary>The run's record of each optional service (covers, LRCLIB, MusicBrainz): one line each at the end.</summary>
    public IReadOnlyList<ServiceHealth> OptionalServices { get; }

    public RequestCounts Requests => new(_spotify.RequestCount, _matcher.SearchRequests, _audio?.PlayerRequests ?? 0, _audio?.Counter.MediaRequests ?? 0);

    /// <summary>
    /// Builds the run; <paramref name="pathVariable"/> is the host's PATH, where ffmpeg, ffprobe and yt-dlp are looked
    /// for. Throws <see cref="FfmpegNotFoundException"/> or <see cref="LibraryLockedException"/> before any network call.</summary>
    public static async Task<MusicDlRuntime> CreateAsync(
        MusicDlSettings settings,
        RunMode mode,
        TimeSpan lockWait,
        RunHost host,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(host);
        var loggers = host.Loggers;
        var pathVariable = host.PathVariable;
        var time = host.Time;
        var downloads = mode == RunMode.Download && settings.Overwrite != OverwriteMode.Metadata;
        var measuresLocalFiles = mode == RunMode.Download && settings.Overwrite == OverwriteMode.Metadata && settings.ReplayGain;
        var converter = downloads || measuresLocalFiles ? AudioConverter.Locate(settings, pathVariable) : null;
        var template = PathTemplate.Parse(settings.Output);

        var http = OutboundHttp.Create(settings.RequestTimeout, Math.Max(8, settings.Threads * 2), time);
        var spotifyOptions = host.SpotifyOptions(settings);

        Profiling.Phases.Mark("ffmpeg, template, http");
        var cache = CacheFactory.Create(settings, time, loggers.CreateLogger("cache"));
        Profiling.Phases.Mark("cache");

        // One record per optional service for the whole run: every track's request passes it (docs/architecture.md).
        var covers = CoverArtProvider.Health();
        var lyricsHealth = LrclibClient.Health();
        var musicBrainzHealth = MusicBrainzClient.Health();
        ServiceHealth[] optional = [covers, lyricsHealth, musicBrainzHealth];
        MusicLibrary? library = null;
        try
        {
            var spotify = SpotifyClient.Create(settings, cache, spotifyOptions);
            Profiling.Phases.Mark("spotify client");
            if (spotify.ReadsPublicPagesOnly)
            {
                loggers.CreateLogger("spotify").LogInformation(
                    "Spotify: reading public pages (no account): tracks, albums and the first 100 entries of a playlist; artists and Liked Songs need the Web API (docs/spotify.md)");
            }


            // Under --no-cache this cache is already pass-through (stores nothing, counts every lookup): the matcher
            // uses it all the same, so the statistics show the audio_search and match lookups like the other regions.
            // One session for search, player and media: once YouTube limits it, none of them starts another call.
            var youTube = new YouTubeSession();

            // One MusicBrainz client, so its one-request-a-second pacing covers both its uses (ids by ISRC, and the
            // recording search that completes tracks read from public pages).
            var musicBrainz = settings.MusicBrainz ? new MusicBrainzClient(http, settings, time, musicBrainzHealth) : null;
            var visitor = CreateVisitorSession(http, settings, cache, time, loggers);
            var matcher = AudioMatcher.Create(http, settings, cache, time, loggers.CreateLogger<AudioMatcher>(), visitor, youTube);
            var audio = downloads ? new AudioDownloader(settings, http, pathVariable, time, null, loggers.CreateLogger<AudioDownloader>(), visitor, youTube) : null;
            Profiling.Phases.Mark("youtube clients");
            ITrackLibrary? trackLibrary = null;
            ITrackTagger? tagger = null;
            if (mode != RunMode.Match)
            {
                // A dry run writes nothing into the library, not even its lock or state (issue 8).
                var existence = cache.Region(CacheRegions.FileExistence, LibraryJsonContext.Default.Boolean);
                var libraryLog = loggers.CreateLogger<MusicLibrary>();
                library = mode == RunMode.DryRun
                    ? await MusicLibrary.OpenReadOnlyAsync(settings.OutputDir, existence, lockWait, time, libraryLog, cancellationToken)
                    : await MusicLibrary.OpenAsync(settings.OutputDir, existence, lockWait, time, libraryLog, cancellationToken);
                Profiling.Phases.Mark("library opened");
                if (library.State.RecoveryWarning is { } warning)
                {
                    libraryLog.LogWarning("{Warning}", warning);
                }

                var files = new TrackLibrary(library, template, settings.Format, dryRun: library.IsReadOnly, replayGain: settings.ReplayGain);
                trackLibrary = files;
                tagger = new TrackTagger(
                    files,
                    new TagWriter(settings.Id3Version),
                    new CoverArtProvider(
                        http,
                        cache.Region(CacheRegions.Images, TaggingJsonContext.Default.ByteArray),
                        loggers.CreateLogger<CoverArtProvider>(),
                        covers,
                        converter is null ? null : (image, png, ct) => converter.ScaleImageAsync(image, png, CoverArt.MaxSide, ct),
                        time),
                    cache.Region(CacheRegions.Tags, TaggingJsonContext.Default.KnownTags),
                    extras: library.IsReadOnly ? null : Extras(settings, http, cache, musicBrainz, loggers, lyricsHealth, time),
                    lyricsMode: settings.Lyrics,
                    loudnessMeter: measuresLocalFiles ? converter : null,
                    replayGain: settings.ReplayGain,
                    albumMeter: settings.ReplayGain ? converter : null,
                    services: optional);
            }

            Profiling.Phases.Mark("track library");
            var producer = audio is not null && converter is not null ? new YouTubeAudioProducer(audio, converter, settings.Bitrate, settings.ReplayGain) : null;
            // A public page leaves out the ISRC, album and numbers: MusicBrainz's recording search fills them when on.
            var pageDetails = musicBrainz is not null
                ? new PublicPageDetails(new CachingRecordingSearch(musicBrainz, cache), loggers.CreateLogger<PublicPageDetails>())
                : null;
            var downloader = new Downloader(new SpotifyTrackResolver(spotify), new YouTubeTrackMatcher(matcher), producer, trackLibrary, tagger, time, loggers.CreateLogger<Downloader>(), pageDetails);
            return new MusicDlRuntime(http, cache, spotify, matcher, audio, library, downloader, optional);
        }
        catch
        {
            if (library is not null)
            {
                await library.DisposeAsync();
            }

            await cache.DisposeAsync();
            http.Dispose();
            throw;
        }
    }

    // The optional services, each behind its cache region; null when every one is off.
    private static TrackExtrasSource? Extras(
        MusicDlSettings settings, HttpClient http, ICache cache, MusicBrainzClient? musicBrainzClient, ILoggerFactory loggers, ServiceHealth lyricsHealth, TimeProvider time)
    {
        var lrclib = settings.Lyrics == LyricsMode.None ? null : new LrclibClient(http, settings, lyricsHealth, time);
        ILyricsSource? lyrics = lrclib is null ? null : new CachingLyricsSource(lrclib, cache);
        IMusicBrainzSource? musicBrainz = musicBrainzClient is null ? null : new CachingMusicBrainzSource(musicBrainzClient, cache);

        // Each service on is asked once at the run's start when files still lack its part (ITrackTagger.ProbeBacklogAsync).
        IServiceProbe[] probes = [.. new IServiceProbe?[] { lrclib, musicBrainzClient }.OfType<IServiceProbe>()];
        return lyrics is null && musicBrainz is null ? null : new TrackExtrasSource(lyrics, musicBrainz, loggers.CreateLogger<TrackExtrasSource>(), probes);
    }

    /// <summary>
    /// One visitor-data fetch per run, kept a few hours in the <c>visitor_data</c> region (docs/audio.md); under
    /// --no-cache the region passes every lookup through, like every other (decided once, in CacheFactory).
    /// </summary>
    private static VisitorSession CreateVisitorSession(HttpClient http, MusicDlSettings settings, ICache cache, TimeProvider time, ILoggerFactory loggers) =>
        new(new CachingVisitorDataSource(new VisitorDataClient(http, settings.Endpoints.YouTube, loggers.CreateLogger<VisitorDataClient>(), time), cache), time, loggers.CreateLogger<VisitorSession>());

    public async ValueTask DisposeAsync()
    {
        if (_library is not null)
        {
            await _library.DisposeAsync();
        }

        await _cache.DisposeAsync();
        _spotify.Dispose();
        _http.Dispose();
    }
}

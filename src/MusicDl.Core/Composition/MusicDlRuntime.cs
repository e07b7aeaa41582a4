using System.Net;
using Microsoft.Extensions.Logging;
using MusicDl.Audio;
using MusicDl.Caching;
using MusicDl.Configuration;
using MusicDl.Downloading;
using MusicDl.Library;
using MusicDl.Output;
using MusicDl.Spotify;
using MusicDl.Tagging;
using MusicDl.YouTube.Download;
using MusicDl.YouTube.Matching;
using MusicDl.YouTube.Visitor;

namespace MusicDl.Composition;

/// <summary>
/// The composition root of a run: the cache, the Spotify client behind its cache region, the matcher, the audio
/// producer and the library, joined into a <see cref="Downloader"/>. Only what the mode needs is built: `match`
/// opens no library, and only a run that downloads needs ffmpeg (located before anything starts).
/// </summary>
public sealed class MusicDlRuntime : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly LayeredCache _cache;
    private readonly SpotifyClient _spotify;
    private readonly AudioMatcher _matcher;
    private readonly AudioDownloader? _audio;
    private readonly MusicLibrary? _library;

    private MusicDlRuntime(HttpClient http, LayeredCache cache, SpotifyClient spotify, AudioMatcher matcher, AudioDownloader? audio, MusicLibrary? library, Downloader downloader)
    {
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

    public RequestCounts Requests => new(_spotify.RequestCount, _matcher.SearchRequests, _audio?.PlayerRequests ?? 0, _audio?.Counter.MediaRequests ?? 0);

    /// <summary>Builds the run. Throws <see cref="FfmpegNotFoundException"/> or <see cref="LibraryLockedException"/> before any network call.</summary>
    public static async Task<MusicDlRuntime> CreateAsync(
        MusicDlSettings settings,
        RunMode mode,
        TimeSpan lockWait,
        ILoggerFactory loggers,
        SpotifyClientOptions spotifyOptions,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(loggers);
        ArgumentNullException.ThrowIfNull(spotifyOptions);
        var time = spotifyOptions.TimeProvider;
        var downloads = mode == RunMode.Download && settings.Overwrite != OverwriteMode.Metadata;
        var converter = downloads ? AudioConverter.Locate(settings) : null;
        var template = PathTemplate.Parse(settings.Output);

        var http = new HttpClient(new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            MaxConnectionsPerServer = Math.Max(8, settings.Threads * 2),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        })
        {
            Timeout = Timeout.InfiniteTimeSpan, // each client sets its own per-request limits
        };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36");

        var cache = CacheFactory.Create(settings, time, loggers.CreateLogger("cache"));
        MusicLibrary? library = null;
        try
        {
            var spotify = SpotifyClient.Create(settings, cache, spotifyOptions);
            var visitor = CreateVisitorSession(http, settings, cache, time, loggers);
            var matcher = AudioMatcher.Create(http, settings, cache, time, loggers.CreateLogger<AudioMatcher>(), visitor);
            var audio = downloads ? new AudioDownloader(settings, http, time, null, loggers.CreateLogger<AudioDownloader>(), visitor) : null;
            ITrackLibrary? trackLibrary = null;
            if (mode != RunMode.Match)
            {
                // A dry run writes nothing into the library, not even its lock or state (issue 8).
                library = mode == RunMode.DryRun
                    ? await MusicLibrary.OpenReadOnlyAsync(settings.OutputDir, cache.Region(CacheRegions.FileExistence, LibraryJsonContext.Default.Boolean), lockWait, time, cancellationToken)
                    : await MusicLibrary.OpenAsync(settings.OutputDir, cache.Region(CacheRegions.FileExistence, LibraryJsonContext.Default.Boolean), lockWait, time, cancellationToken);
                trackLibrary = new TrackLibrary(
                    library,
                    template,
                    settings.Format,
                    new TagWriter(),
                    new CoverArtProvider(http, cache.Region(CacheRegions.Images, TaggingJsonContext.Default.ByteArray)),
                    cache.Region(CacheRegions.Tags, TaggingJsonContext.Default.KnownTags),
                    dryRun: library.IsReadOnly);
            }

            var producer = audio is not null && converter is not null ? new YouTubeAudioProducer(audio, converter, settings.Bitrate) : null;
            var downloader = new Downloader(new SpotifyTrackResolver(spotify), new YouTubeTrackMatcher(matcher), producer, trackLibrary, time, loggers.CreateLogger<Downloader>());
            return new MusicDlRuntime(http, cache, spotify, matcher, audio, library, downloader);
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

    /// <summary>One visitor-data fetch per run, kept a few hours in the <c>visitor_data</c> region (docs/audio.md).</summary>
    private static VisitorSession CreateVisitorSession(HttpClient http, MusicDlSettings settings, ICache cache, TimeProvider time, ILoggerFactory loggers)
    {
        IVisitorDataSource source = new VisitorDataClient(http, settings.Endpoints.YouTube);
        if (!settings.NoCache)
        {
            source = new CachingVisitorDataSource(source, cache);
        }

        return new VisitorSession(source, time, loggers.CreateLogger<VisitorSession>());
    }

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

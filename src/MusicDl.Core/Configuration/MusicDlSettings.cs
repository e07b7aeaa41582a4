namespace MusicDl.Configuration;

/// <summary>
/// The effective settings: defaults, then the config file (the original app's keys under <c>download:</c>),
/// then the environment, then the command line. Durations are TimeSpans; the YAML gives seconds.
/// </summary>
public sealed record MusicDlSettings
{
    public string? ClientId { get; init; }

    public string? ClientSecret { get; init; }

    public int Threads { get; init; } = 4;

    /// <summary>Per-track retries of YouTube search and download.</summary>
    public int MaxRetries { get; init; } = 3;

    public AudioFormat Format { get; init; } = AudioFormat.Mp3;

    public Bitrate Bitrate { get; init; } = Bitrate.Fixed(128);

    /// <summary>The path template, rendered beneath <see cref="OutputDir"/>.</summary>
    public string Output { get; init; } = "{artist}/{album}/{track-number} - {title}.{output-ext}";

    /// <summary>The library folder.</summary>
    public string OutputDir { get; init; } = ".";

    public IReadOnlyList<string> AudioProviders { get; init; } = ["youtube-music"];

    public int CacheMaxSize { get; init; } = 1000;

    public TimeSpan CacheTtl { get; init; } = TimeSpan.FromSeconds(3600);

    public int AudioSearchCacheMaxSize { get; init; } = 500;

    public TimeSpan AudioSearchCacheTtl { get; init; } = TimeSpan.FromSeconds(86400);

    public int FileExistenceCacheMaxSize { get; init; } = 10000;

    public TimeSpan FileExistenceCacheTtl { get; init; } = TimeSpan.FromSeconds(3600);

    public TimeSpan NegativeSearchCacheTtl { get; init; } = TimeSpan.FromSeconds(3600);

    public OverwriteMode Overwrite { get; init; } = OverwriteMode.Skip;

    public int SpotifyMaxRetries { get; init; } = 3;

    public TimeSpan SpotifyRetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan SpotifyRetryMaxDelay { get; init; } = TimeSpan.FromSeconds(120);

    public bool SpotifyRateLimitEnabled { get; init; } = true;

    public int SpotifyRateLimitRequests { get; init; } = 10;

    public TimeSpan SpotifyRateLimitWindow { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Bounds every HTTP request (a media answer's headers; its body has the stall timeout instead).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Paces YouTube player calls (off by default) so a long run stays under YouTube's session limit.</summary>
    public bool YouTubeRateLimitEnabled { get; init; }

    public int YouTubeRateLimitRequests { get; init; } = 200;

    public TimeSpan YouTubeRateLimitWindow { get; init; } = TimeSpan.FromSeconds(3600);

    public bool CachePersistent { get; init; } = true;

    /// <summary>Null means the platform default (the platform cache folder).</summary>
    public string? CacheFile { get; init; }

    public string? CacheRedis { get; init; }

    public bool CreateM3u { get; init; }

    /// <summary>Null: the logged-in user's own (from_token), else US.</summary>
    public string? Market { get; init; }

    public string? FfmpegPath { get; init; }

    public string? YtDlpPath { get; init; }

    public string? YtDlpCookies { get; init; }

    /// <summary>JavaScript runtimes for yt-dlp, each passed as <c>--js-runtimes</c> ("deno", "node:/usr/bin/node").</summary>
    public IReadOnlyList<string> YtDlpJsRuntimes { get; init; } = [];

    /// <summary>Extra yt-dlp arguments, placed before the video URL.</summary>
    public IReadOnlyList<string> YtDlpArgs { get; init; } = [];

    public IReadOnlyList<YouTubeClientSettings> YouTubeClients { get; init; } = YouTubeClientDefaults.All;

    /// <summary>The lowest match score accepted (0..1).</summary>
    public double MatchThreshold { get; init; } = 0.70;

    /// <summary>Matches below this score (and tracks not found) are written to the review file (0..1).</summary>
    public double ReviewThreshold { get; init; } = 0.85;

    /// <summary>A YAML file whose <c>overrides:</c> are merged over <see cref="Overrides"/> (top-level <c>overrides_file</c>, <c>--overrides</c>).</summary>
    public string? OverridesFile { get; init; }

    /// <summary>
    /// Search again even when the <c>match</c> cache knows the track (review and explain show every track's
    /// candidates); search answers still come from the <c>audio_search</c> cache.
    /// </summary>
    public bool RecheckMatches { get; init; }

    /// <summary>Web API, public pages, or the API with the pages where it cannot help (docs/spotify.md).</summary>
    public SpotifyAccess SpotifyAccess { get; init; } = SpotifyAccess.Auto;

    public int AuthRedirectPort { get; init; } = 8888;

    /// <summary>Spotify track id -> YouTube video id, or "skip".</summary>
    public IReadOnlyDictionary<string, string> Overrides { get; init; } = new Dictionary<string, string>();

    public bool NoCache { get; init; }

    /// <summary>Lyrics from LRCLIB into the tag, a <c>.lrc</c> sidecar, both, or none.</summary>
    public LyricsMode Lyrics { get; init; } = LyricsMode.Embed;

    /// <summary>Measure EBU R128 loudness while converting and write ReplayGain tags.</summary>
    public bool ReplayGain { get; init; } = true;

    /// <summary>The ID3v2 version of mp3 and wav tags: 2.4 (Picard's default) or 2.3 for old players.</summary>
    public Id3Version Id3Version { get; init; } = Id3Version.V24;

    /// <summary>Look each new track up at MusicBrainz (one request a second) for Picard's ids and genres.</summary>
    public bool MusicBrainz { get; init; }

    /// <summary>How long found lyrics stay cached ("none found" stays <see cref="NegativeSearchCacheTtl"/>).</summary>
    public TimeSpan LyricsCacheTtl { get; init; } = TimeSpan.FromDays(30);

    /// <summary>How long MusicBrainz ids stay cached ("none found" stays <see cref="NegativeSearchCacheTtl"/>).</summary>
    public TimeSpan MusicBrainzCacheTtl { get; init; } = TimeSpan.FromDays(30);

    public Endpoints Endpoints { get; init; } = Endpoints.Default;
}

namespace MusicDl.Configuration;

/// <summary>
/// Every key under <c>download:</c>: the original app's keys (seed-config.yaml) and ours, in the order
/// <c>config check</c> and config.example.yaml show them.
/// </summary>
internal static class ConfigKeys
{
    private const string Masked = "\"********\"";

    public static IReadOnlyList<ConfigKey> All { get; } =
    [
        new("client_id", (s, n) => s with { ClientId = n.String() }, s => YamlText.Quote(s.ClientId)),
        new("client_secret", (s, n) => s with { ClientSecret = n.String() }, s => s.ClientSecret is null ? YamlText.Null : Masked),
        new("threads", (s, n) => s with { Threads = n.Int() }, s => YamlText.Int(s.Threads)),
        new("max_retries", (s, n) => s with { MaxRetries = n.Int() }, s => YamlText.Int(s.MaxRetries)),
        new("format", (s, n) => s with { Format = n.Parse(t => SettingValues.ParseFormat(t)) },
            s => YamlText.Quote(s.Format.ToString().ToLowerInvariant())),
        new("bitrate", (s, n) => s with { Bitrate = n.Parse(t => SettingValues.ParseBitrate(t)) }, s => YamlText.Quote(s.Bitrate.ToString())),
        new("output", (s, n) => s with { Output = n.String() ?? throw n.Error("must not be empty") }, s => YamlText.Quote(s.Output)),
        new("output_dir", (s, n) => s with { OutputDir = n.String() ?? throw n.Error("must not be empty") }, s => YamlText.Quote(s.OutputDir)),
        new("audio_providers", (s, n) => s with { AudioProviders = ParseProviders(n) }, s => YamlText.List(s.AudioProviders)),
        new("cache_max_size", (s, n) => s with { CacheMaxSize = n.Int() }, s => YamlText.Int(s.CacheMaxSize)),
        new("cache_ttl", (s, n) => s with { CacheTtl = n.Seconds() }, s => YamlText.Seconds(s.CacheTtl)),
        new("audio_search_cache_max_size", (s, n) => s with { AudioSearchCacheMaxSize = n.Int() },
            s => YamlText.Int(s.AudioSearchCacheMaxSize)),
        new("audio_search_cache_ttl", (s, n) => s with { AudioSearchCacheTtl = n.Seconds() }, s => YamlText.Seconds(s.AudioSearchCacheTtl)),
        new("file_existence_cache_max_size", (s, n) => s with { FileExistenceCacheMaxSize = n.Int() },
            s => YamlText.Int(s.FileExistenceCacheMaxSize))
        {
            Aliases = ["file_cache_max_size"],
        },
        new("file_existence_cache_ttl", (s, n) => s with { FileExistenceCacheTtl = n.Seconds() },
            s => YamlText.Seconds(s.FileExistenceCacheTtl))
        {
            Aliases = ["file_cache_ttl"],
        },
        new("negative_search_cache_ttl", (s, n) => s with { NegativeSearchCacheTtl = n.Seconds() },
            s => YamlText.Seconds(s.NegativeSearchCacheTtl)),
        new("overwrite", (s, n) => s with { Overwrite = n.Parse(t => SettingValues.ParseOverwrite(t)) },
            s => YamlText.Quote(s.Overwrite.ToString().ToLowerInvariant())),
        new("spotify_max_retries", (s, n) => s with { SpotifyMaxRetries = n.Int() }, s => YamlText.Int(s.SpotifyMaxRetries)),
        new("spotify_retry_base_delay", (s, n) => s with { SpotifyRetryBaseDelay = n.Seconds() },
            s => YamlText.Seconds(s.SpotifyRetryBaseDelay)),
        new("spotify_retry_max_delay", (s, n) => s with { SpotifyRetryMaxDelay = n.Seconds() }, s => YamlText.Seconds(s.SpotifyRetryMaxDelay)),
        new("spotify_rate_limit_enabled", (s, n) => s with { SpotifyRateLimitEnabled = n.Bool() },
            s => YamlText.Bool(s.SpotifyRateLimitEnabled)),
        new("spotify_rate_limit_requests", (s, n) => s with { SpotifyRateLimitRequests = n.Int() },
            s => YamlText.Int(s.SpotifyRateLimitRequests)),
        new("spotify_rate_limit_window", (s, n) => s with { SpotifyRateLimitWindow = n.Seconds() },
            s => YamlText.Seconds(s.SpotifyRateLimitWindow)),
        new("request_timeout", (s, n) => s with { RequestTimeout = n.Seconds() }, s => YamlText.Seconds(s.RequestTimeout)),
        new("youtube_rate_limit_enabled", (s, n) => s with { YouTubeRateLimitEnabled = n.Bool() },
            s => YamlText.Bool(s.YouTubeRateLimitEnabled)),
        new("youtube_rate_limit_requests", (s, n) => s with { YouTubeRateLimitRequests = n.Int() },
            s => YamlText.Int(s.YouTubeRateLimitRequests)),
        new("youtube_rate_limit_window", (s, n) => s with { YouTubeRateLimitWindow = n.Seconds() },
            s => YamlText.Seconds(s.YouTubeRateLimitWindow)),
        PlanFlag("plan_generation_enabled"),
        PlanFlag("plan_optimization_enabled"),
        PlanFlag("plan_execution_enabled"),
        PlanFlag("plan_persistence_enabled"),
        PlanFlag("plan_status_reporting_enabled"),
        new("cache_persistent", (s, n) => s with { CachePersistent = n.Bool() }, s => YamlText.Bool(s.CachePersistent)),
        new("cache_file", (s, n) => s with { CacheFile = n.String() }, s => YamlText.Quote(s.CacheFile)),
        new("cache_redis", (s, n) => s with { CacheRedis = n.String() }, s => YamlText.Quote(SecretMasker.MaskConnectionString(s.CacheRedis))),
        new("create_m3u", (s, n) => s with { CreateM3u = n.Bool() }, s => YamlText.Bool(s.CreateM3u)),
        new("market", (s, n) => s with { Market = n.Parse(t => SettingValues.ParseMarket(t)) },
            s => YamlText.Quote(s.Market ?? SettingValues.FromToken)),
        new("spotify_access", (s, n) => s with { SpotifyAccess = n.Parse(t => SettingValues.ParseSpotifyAccess(t)) },
            s => YamlText.Quote(s.SpotifyAccess.ToString().ToLowerInvariant())),
        new("ffmpeg_path", (s, n) => s with { FfmpegPath = n.String() }, s => YamlText.Quote(s.FfmpegPath)),
        new("ytdlp_path", (s, n) => s with { YtDlpPath = n.String() }, s => YamlText.Quote(s.YtDlpPath)),
        new("ytdlp_cookies", (s, n) => s with { YtDlpCookies = n.String() }, s => YamlText.Quote(s.YtDlpCookies)),
        new("ytdlp_js_runtimes", (s, n) => s with { YtDlpJsRuntimes = n.StringList() }, s => YamlText.List(s.YtDlpJsRuntimes)),
        new("ytdlp_args", (s, n) => s with { YtDlpArgs = n.StringList() }, s => YamlText.List(s.YtDlpArgs)),
        new("youtube_clients", (s, n) => s with { YouTubeClients = YouTubeClientsReader.Read(n) },
            s => YouTubeClientsReader.Render(s.YouTubeClients)),
        new("match_threshold", (s, n) => s with { MatchThreshold = n.Double() }, s => YamlText.Number(s.MatchThreshold)),
        new("review_threshold", (s, n) => s with { ReviewThreshold = n.Double() }, s => YamlText.Number(s.ReviewThreshold)),
        new("auth_redirect_port", (s, n) => s with { AuthRedirectPort = n.Int() }, s => YamlText.Int(s.AuthRedirectPort)),
        new("lyrics", (s, n) => s with { Lyrics = n.Parse(t => SettingValues.ParseLyrics(t)) },
            s => YamlText.Quote(s.Lyrics.ToString().ToLowerInvariant())),
        new("replaygain", (s, n) => s with { ReplayGain = n.Bool() }, s => YamlText.Bool(s.ReplayGain)),
        new("id3_version", (s, n) => s with { Id3Version = n.Parse(t => SettingValues.ParseId3Version(t)) },
            s => YamlText.Quote(SettingValues.Id3VersionText(s.Id3Version))),
        new("musicbrainz", (s, n) => s with { MusicBrainz = n.Bool() }, s => YamlText.Bool(s.MusicBrainz)),
        new("lyrics_cache_ttl", (s, n) => s with { LyricsCacheTtl = n.Seconds() }, s => YamlText.Seconds(s.LyricsCacheTtl)),
        new("musicbrainz_cache_ttl", (s, n) => s with { MusicBrainzCacheTtl = n.Seconds() }, s => YamlText.Seconds(s.MusicBrainzCacheTtl)),
    ];

    private static readonly Dictionary<string, ConfigKey> ByName = All
        .SelectMany(k => k.Aliases.Append(k.Name).Select(n => (Name: n, Key: k)))
        .ToDictionary(p => p.Name, p => p.Key, StringComparer.Ordinal);

    /// <summary>Every name accepted under <c>download:</c>, aliases included (for typo suggestions).</summary>
    public static IEnumerable<string> Names => ByName.Keys;

    public static ConfigKey? Find(string name) => ByName.GetValueOrDefault(name);

    private static ConfigKey PlanFlag(string name) =>
        new(name, (s, n) => { _ = n.Bool(); return s; }, _ => "false") { WithoutEffect = true };

    private static IReadOnlyList<string> ParseProviders(ConfigNode node)
    {
        var items = node.StringList();
        return node.Located(() => SettingValues.ParseProviders(items));
    }
}

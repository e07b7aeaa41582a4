using System.Globalization;
using MusicDl.Models;

namespace MusicDl.Configuration;

/// <summary>
/// The range and consistency rules for every setting, keyed by config key, so the config file and the
/// command line (<c>settings with { ... }</c>) are checked the same way.
/// </summary>
public static class SettingsValidator
{
    public const int MinThreads = 1;
    public const int MaxThreads = 64;

    private const int MaxRetries = 20;
    private const int MaxCacheEntries = 10_000_000;
    private static readonly TimeSpan MaxTtl = TimeSpan.FromDays(3650);

    private static readonly (string Key, Func<MusicDlSettings, string?> Check)[] Rules =
    [
        ("threads", s => Range(s.Threads, MinThreads, MaxThreads)),
        ("max_retries", s => Range(s.MaxRetries, 0, MaxRetries)),
        ("bitrate", s => s.Bitrate.Mode == BitrateMode.Fixed ? Range(s.Bitrate.Kbps, 8, 512, "k") : null),
        ("output", s => CheckTemplate(s.Output)),
        ("output_dir", s => string.IsNullOrWhiteSpace(s.OutputDir) ? "must not be empty" : null),
        ("audio_providers", s => CheckProviders(s.AudioProviders)),
        ("cache_max_size", s => Range(s.CacheMaxSize, 1, MaxCacheEntries)),
        ("cache_ttl", s => Seconds(s.CacheTtl, TimeSpan.Zero, MaxTtl)),
        ("audio_search_cache_max_size", s => Range(s.AudioSearchCacheMaxSize, 1, MaxCacheEntries)),
        ("audio_search_cache_ttl", s => Seconds(s.AudioSearchCacheTtl, TimeSpan.Zero, MaxTtl)),
        ("file_existence_cache_max_size", s => Range(s.FileExistenceCacheMaxSize, 1, MaxCacheEntries)),
        ("file_existence_cache_ttl", s => Seconds(s.FileExistenceCacheTtl, TimeSpan.Zero, MaxTtl)),
        ("negative_search_cache_ttl", s => Seconds(s.NegativeSearchCacheTtl, TimeSpan.Zero, MaxTtl)),
        ("spotify_max_retries", s => Range(s.SpotifyMaxRetries, 0, MaxRetries)),
        ("spotify_retry_base_delay", s => Seconds(s.SpotifyRetryBaseDelay, TimeSpan.Zero, TimeSpan.FromHours(1))),
        ("spotify_retry_max_delay", s => s.SpotifyRetryMaxDelay < s.SpotifyRetryBaseDelay
            ? $"must not be below spotify_retry_base_delay ({Format(s.SpotifyRetryBaseDelay)} s)"
            : Seconds(s.SpotifyRetryMaxDelay, TimeSpan.Zero, TimeSpan.FromHours(1))),
        ("spotify_rate_limit_requests", s => Range(s.SpotifyRateLimitRequests, 1, 1000)),
        ("spotify_rate_limit_window", s => s.SpotifyRateLimitWindow <= TimeSpan.Zero
            ? $"must be more than 0 seconds (got {Format(s.SpotifyRateLimitWindow)})"
            : Seconds(s.SpotifyRateLimitWindow, TimeSpan.Zero, TimeSpan.FromHours(1))),
        ("cache_file", s => s.CacheFile is not null && string.IsNullOrWhiteSpace(s.CacheFile) ? "must not be empty" : null),
        ("cache_redis", s => s.CacheRedis is not null && string.IsNullOrWhiteSpace(s.CacheRedis) ? "must not be empty" : null),
        ("market", s => s.Market is null || (s.Market.Length == 2 && s.Market.All(char.IsAsciiLetterUpper))
            ? null
            : $"must be a two-letter upper-case country code (got '{s.Market}')"),
        ("match_threshold", s => s.MatchThreshold is >= 0 and <= 1
            ? null
            : $"must be between 0 and 1 (got {s.MatchThreshold.ToString(CultureInfo.InvariantCulture)})"),
        ("review_threshold", s => s.ReviewThreshold is >= 0 and <= 1
            ? null
            : $"must be between 0 and 1 (got {s.ReviewThreshold.ToString(CultureInfo.InvariantCulture)})"),
        ("auth_redirect_port", s => Range(s.AuthRedirectPort, 1, 65535)),
        ("youtube_clients", s => CheckClients(s.YouTubeClients)),
        ("overrides", s => CheckOverrides(s.Overrides)),
        ("endpoints", s => CheckEndpoints(s.Endpoints)),
    ];

    /// <summary>Every key the rules know, for tests and for the config key table.</summary>
    internal static IEnumerable<string> Keys => Rules.Select(r => r.Key);

    /// <summary>Every problem of the settings, in rule order; empty when valid.</summary>
    public static IReadOnlyList<SettingError> Validate(MusicDlSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Rules.Select(r => (r.Key, Message: r.Check(settings)))
            .Where(r => r.Message is not null)
            .Select(r => new SettingError(r.Key, r.Message!))
            .ToArray();
    }

    /// <summary>Throws a <see cref="ConfigException"/> for the first problem (<c>threads: must be between 1 and 64 (got 0)</c>).</summary>
    public static void ThrowIfInvalid(MusicDlSettings settings)
    {
        var errors = Validate(settings);
        if (errors.Count > 0)
        {
            throw new ConfigException(errors[0].ToString());
        }
    }

    /// <summary>The problem with one key's value, or null.</summary>
    public static string? ValidateKey(string key, MusicDlSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Rules.Where(r => r.Key == key).Select(r => r.Check(settings)).FirstOrDefault(m => m is not null);
    }

    /// <summary>Why a base URL may not be used, or null: it must be absolute https, or http to a loopback host.</summary>
    public static string? CheckEndpoint(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return $"'{SecretMasker.MaskConnectionString(uri.ToString())}' is not an http(s) URL";
        }

        return uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback
            ? $"plain http is allowed only for loopback hosts (127.0.0.1, ::1, localhost), not '{uri.Host}'"
            : null;
    }

    private static string? CheckTemplate(string template)
    {
        if (string.IsNullOrWhiteSpace(template))
        {
            return "must not be empty";
        }

        var problem = TemplateVariableList.FindProblem(template);
        if (problem is not null)
        {
            return problem;
        }

        if (Path.IsPathRooted(template) || (template.Length >= 2 && template[1] == ':'))
        {
            return "must be relative (it renders beneath output_dir)";
        }

        return template.Split('/', '\\').Any(c => c.Trim() == "..")
            ? "must not contain '..' (it renders beneath output_dir)"
            : null;
    }

    private static string? CheckProviders(IReadOnlyList<string> providers)
    {
        if (providers.Count == 0)
        {
            return "needs at least one provider";
        }

        var unknown = providers.FirstOrDefault(p => !SettingValues.KnownProviders.Contains(p));
        return unknown is null
            ? null
            : $"unknown audio provider '{unknown}'; expected {string.Join(" or ", SettingValues.KnownProviders)}";
    }

    private static string? CheckClients(IReadOnlyList<YouTubeClientSettings> clients)
    {
        if (clients.Count == 0)
        {
            return "needs at least one client";
        }

        var incomplete = clients.FirstOrDefault(c => string.IsNullOrWhiteSpace(c.Name)
            || string.IsNullOrWhiteSpace(c.ClientName) || string.IsNullOrWhiteSpace(c.ClientVersion));
        if (incomplete is not null)
        {
            return $"client '{incomplete.Name}' needs name, client_name and client_version";
        }

        var duplicate = clients.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? null : $"client '{duplicate.Key}' is listed twice";
    }

    private static string? CheckOverrides(IReadOnlyDictionary<string, string> overrides)
    {
        foreach (var (track, target) in overrides)
        {
            if (!SpotifyId.IsValid(track))
            {
                return $"'{track}' is not a Spotify track id";
            }

            if (target != SettingValues.Skip && !SettingValues.IsVideoId(target))
            {
                return $"'{target}' (for {track}) is not a YouTube video id or skip";
            }
        }

        return null;
    }

    private static string? CheckEndpoints(Endpoints endpoints) =>
        new[] { endpoints.SpotifyApi, endpoints.SpotifyAccounts, endpoints.YouTubeMusic, endpoints.YouTube }
            .Select(CheckEndpoint)
            .FirstOrDefault(m => m is not null);

    private static string? Range(int value, int min, int max, string unit = "") =>
        value >= min && value <= max ? null : $"must be between {min}{unit} and {max}{unit} (got {value}{unit})";

    private static string? Seconds(TimeSpan value, TimeSpan min, TimeSpan max) =>
        value >= min && value <= max
            ? null
            : $"must be between {Format(min)} and {Format(max)} seconds (got {Format(value)})";

    internal static string Format(TimeSpan value) => value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}

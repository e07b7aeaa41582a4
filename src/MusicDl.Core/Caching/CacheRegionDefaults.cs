using MusicDl.Configuration;

namespace MusicDl.Caching;

/// <summary>
/// The options of every region, from the settings. The choices (see docs/cache.md):
/// answers that do not depend on the machine (spotify, audio_search, match, images) may be shared;
/// whether a file exists is asked again in each run (memory only); tokens stay on this machine.
/// </summary>
public static class CacheRegionDefaults
{
    /// <summary>Spotify metadata kept on disk when the caller gives no TTL: tracks and albums change rarely.</summary>
    public static readonly TimeSpan SpotifyRetention = TimeSpan.FromDays(3);

    /// <summary>YouTube search answers on disk: results drift slowly, a week keeps a daily cron cheap.</summary>
    public static readonly TimeSpan AudioSearchRetention = TimeSpan.FromDays(7);

    /// <summary>A chosen video per Spotify track is stable; re-checked monthly.</summary>
    public static readonly TimeSpan MatchTtl = TimeSpan.FromDays(30);

    public static readonly TimeSpan TagsTtl = TimeSpan.FromDays(30);

    public static readonly TimeSpan ImagesMemoryTtl = TimeSpan.FromDays(1);

    /// <summary>Cover art URLs are content-addressed on Spotify's CDN.</summary>
    public static readonly TimeSpan ImagesRetention = TimeSpan.FromDays(30);

    /// <summary>Only a fallback: a token entry carries its own expiry as its TTL.</summary>
    public static readonly TimeSpan TokensTtl = TimeSpan.FromHours(1);

    /// <summary>yt-dlp and ytmusicapi reuse one visitor id for hours; a new one per run would look like a new browser each time.</summary>
    public static readonly TimeSpan VisitorDataTtl = TimeSpan.FromHours(4);

    public const int MatchCapacity = 5000;

    public const int TagsCapacity = 5000;

    /// <summary>Cover images are large (100-300 KB): a small count bounds memory.</summary>
    public const int ImagesCapacity = 64;

    public const int TokensCapacity = 16;

    /// <summary>Lyrics are a few KB each; ids far less.</summary>
    public const int LyricsCapacity = 2000;

    public const int MusicBrainzCapacity = 5000;

    public static IReadOnlyList<CacheRegionOptions> For(MusicDlSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var negative = settings.NegativeSearchCacheTtl;
        return
        [
            new(CacheRegions.Spotify, settings.CacheMaxSize, settings.CacheTtl, negative, Longest(SpotifyRetention, settings.CacheTtl), persistent: true, shared: true),
            new(CacheRegions.AudioSearch, settings.AudioSearchCacheMaxSize, settings.AudioSearchCacheTtl, negative, Longest(AudioSearchRetention, settings.AudioSearchCacheTtl), persistent: true, shared: true),
            new(CacheRegions.Match, MatchCapacity, MatchTtl, negative, MatchTtl, persistent: true, shared: true),
            new(CacheRegions.FileExistence, settings.FileExistenceCacheMaxSize, settings.FileExistenceCacheTtl, negative, settings.FileExistenceCacheTtl, persistent: false, shared: false),
            new(CacheRegions.Tags, TagsCapacity, TagsTtl, negative, TagsTtl, persistent: true, shared: false),
            new(CacheRegions.Images, ImagesCapacity, ImagesMemoryTtl, negative, ImagesRetention, persistent: true, shared: true),
            new(CacheRegions.Lyrics, LyricsCapacity, settings.LyricsCacheTtl, negative, settings.LyricsCacheTtl, persistent: true, shared: true),
            new(CacheRegions.MusicBrainz, MusicBrainzCapacity, settings.MusicBrainzCacheTtl, negative, settings.MusicBrainzCacheTtl, persistent: true, shared: true),
            new(CacheRegions.Tokens, TokensCapacity, TokensTtl, negative, TokensTtl, persistent: true, shared: false),
            new(CacheRegions.VisitorData, 4, VisitorDataTtl, negative, VisitorDataTtl, persistent: true, shared: false),
        ];
    }

    // A user who raises the in-memory TTL above our retention expects the disk to keep entries at least as long.
    private static TimeSpan Longest(TimeSpan a, TimeSpan b) => a >= b ? a : b;
}

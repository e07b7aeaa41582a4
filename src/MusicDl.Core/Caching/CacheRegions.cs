namespace MusicDl.Caching;

/// <summary>The names of the cache regions.</summary>
public static class CacheRegions
{
    public const string Spotify = "spotify";
    public const string AudioSearch = "audio_search";
    public const string Match = "match";
    public const string FileExistence = "file_existence";
    public const string Tags = "tags";
    public const string Images = "images";

    /// <summary>LRCLIB answers per track, "none found" included.</summary>
    public const string Lyrics = "lyrics";

    /// <summary>MusicBrainz ids per ISRC, "none found" included.</summary>
    public const string MusicBrainz = "musicbrainz";

    /// <summary>Spotify access tokens: persistent only, never shared.</summary>
    public const string Tokens = "tokens";

    /// <summary>YouTube visitor data: persistent (a few hours), never shared (YouTube ties it to this machine's session).</summary>
    public const string VisitorData = "visitor_data";

    public static readonly IReadOnlyList<string> All = [Spotify, AudioSearch, Match, FileExistence, Tags, Images, Lyrics, MusicBrainz, Tokens, VisitorData];
}

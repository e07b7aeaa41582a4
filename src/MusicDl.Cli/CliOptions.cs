using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace MusicDl.Cli;

/// <summary>Every option of the command line, shared by the commands that take it.</summary>
internal sealed class CliOptions
{
    public Option<FileInfo?> Config { get; } = new("--config") { Description = "The config file (default: $MUSICDL_CONFIG, else $XDG_CONFIG_HOME/musicdl/config.yaml).", Recursive = true, HelpName = "FILE" };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Debug detail in the log on stderr (candidates and scores, requests).", Recursive = true };

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Only warnings and errors on stderr; no statistics table.", Recursive = true };

    public Option<FileInfo?> LogFile { get; } = new("--log-file") { Description = "Also write the log to this file.", Recursive = true, HelpName = "FILE" };

    public Option<bool> NoColor { get; } = new("--no-color") { Description = "No colour or animation (also: the NO_COLOR variable).", Recursive = true };

    // Download and sync.
    public Option<string?> OutputDir { get; } = new("--output-dir") { Description = "The library folder; the template renders beneath it.", HelpName = "DIR" };

    public Option<string?> Output { get; } = new("--output", "--template") { Description = "The path template (config key `output`).", HelpName = "T" };

    public Option<string?> Format { get; } = new("--format") { Description = "Output format: mp3, m4a, opus, ogg, flac or wav.", HelpName = "mp3|m4a|opus|ogg|flac|wav" };

    public Option<string?> Bitrate { get; } = new("--bitrate") { Description = "auto, disable or a rate such as 192k.", HelpName = "auto|disable|<N>k" };

    public Option<int?> Threads { get; } = new("--threads")
    {
        Description = "Tracks processed in parallel (1-64).",
        HelpName = "N",
        CustomParser = r => ParseNumber<int>(r, "--threads", "a whole number of tracks from 1 to 64", static t => int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : (int?)null),
    };

    public Option<string?> Overwrite { get; } = new("--overwrite") { Description = "skip (default), overwrite (or force), or metadata (re-tag only).", HelpName = "skip|overwrite|metadata" };

    public Option<string?> Lyrics { get; } = new("--lyrics") { Description = "Lyrics from LRCLIB: embed (default) into the tag, lrc sidecar, both, or none.", HelpName = "embed|lrc|both|none" };

    public Option<string?> Providers { get; } = new("--providers") { Description = "Audio providers in order: youtube-music,youtube.", HelpName = "LIST" };

    public Option<bool> NoCache { get; } = new("--no-cache") { Description = "Turn every cache layer off (the library state still applies)." };

    public Option<string?> CacheFile { get; } = new("--cache-file") { Description = "The persistent cache file.", HelpName = "FILE" };

    public Option<bool> Json { get; } = new("--json") { Description = "JSON Lines on stdout: one object per track, then a summary." };

    public Option<bool> DryRun { get; } = new("--dry-run") { Description = "Resolve and match, print the plan, write nothing." };

    public Option<bool> M3u { get; } = new("--m3u") { Description = "Write an .m3u8 per playlist and album." };

    public Option<string?> FromFile { get; } = new("--from-file") { Description = "Read URLs from a file, one a line (# comments; - for stdin).", HelpName = "FILE" };

    public Option<string?> Market { get; } = new("--market") { Description = "Spotify market (two-letter country code).", HelpName = "CC" };

    public Option<string?> SpotifyAccess { get; } = new("--spotify-access") { Description = "How Spotify is read: auto (default: the Web API with credentials, else public pages), api, or public (no account).", HelpName = "auto|api|public" };

    public Option<string?> Wait { get; } = new("--wait") { Description = "Wait for the library lock held by another run, at most DURATION (e.g. 30m; no value: no limit).", HelpName = "DURATION" };

    public Option<double?> Threshold { get; } = new("--threshold")
    {
        Description = "Lowest match score accepted (0-1).",
        HelpName = "X",
        CustomParser = r => ParseNumber<double>(r, "--threshold", "a number from 0 to 1, such as 0.8", static t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : (double?)null),
    };

    /// <summary>Download, sync, match (and doctor): bounds every HTTP request (config key request_timeout).</summary>
    public Option<string?> RequestTimeout { get; } = new("--request-timeout") { Description = "Longest wait for any one HTTP request, e.g. 30 or 30s (config key request_timeout; default 30 s).", HelpName = "DURATION" };

    public Option<string?> Overrides { get; } = new("--overrides") { Description = "A YAML file of overrides: (Spotify track: video id or skip), merged over the config's.", HelpName = "FILE" };

    public Option<string?> Review { get; } = new("--review") { Description = "Write the tracks not found or matched below review_threshold, with their best candidates, as an overrides file to edit.", HelpName = "FILE" };

    public Option<bool> Explain { get; } = new("--explain") { Description = "With --json: each track's top five candidates and the parts of their scores." };

    /// <summary>The options of download and sync, in help order.</summary>
    public IEnumerable<Option> DownloadOptions =>
    [
        OutputDir, Output, Format, Bitrate, Threads, Overwrite, Lyrics, Providers, NoCache, CacheFile, Json, DryRun, M3u, FromFile, Market, SpotifyAccess, Wait, Overrides, RequestTimeout,
    ];

    // The parser's own message names the CLR type ("System.Nullable`1[System.Int32]"); say what is expected instead.
    private static T? ParseNumber<T>(ArgumentResult result, string name, string expected, Func<string, T?> parse)
        where T : struct
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (parse(text) is { } value)
        {
            return value;
        }

        result.AddError($"{name} expects {expected}, not '{text}'");
        return null;
    }
}

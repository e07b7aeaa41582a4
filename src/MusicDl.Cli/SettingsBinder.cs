using System.CommandLine;
using System.Globalization;
using MusicDl.Configuration;

namespace MusicDl.Cli;

/// <summary>Applies the command line over the loaded settings (command line > environment > file > defaults).</summary>
internal static class SettingsBinder
{
    public static MusicDlSettings ApplyCommandLine(MusicDlSettings settings, ParseResult parse, CliOptions o)
    {
        var s = settings;
        if (parse.GetValue(o.OutputDir) is { } outputDir)
        {
            s = s with { OutputDir = outputDir };
        }

        if (parse.GetValue(o.Output) is { } output)
        {
            s = s with { Output = output };
        }

        if (parse.GetValue(o.Format) is { } format)
        {
            s = s with { Format = ParseFormat(format) };
        }

        if (parse.GetValue(o.Bitrate) is { } bitrateText)
        {
            if (!Configuration.Bitrate.TryParse(bitrateText, out var bitrate))
            {
                throw new UsageException($"--bitrate '{bitrateText}' is not auto, disable or a rate such as 192k.");
            }

            s = s with { Bitrate = bitrate };
        }

        if (parse.GetValue(o.Threads) is { } threads)
        {
            if (threads is < 1 or > 64)
            {
                throw new UsageException($"--threads {threads} is out of range (1-64).");
            }

            s = s with { Threads = threads };
        }

        if (parse.GetValue(o.Overwrite) is { } overwrite)
        {
            s = s with { Overwrite = ParseOverwrite(overwrite) };
        }

        if (parse.GetValue(o.Providers) is { } providers)
        {
            var list = providers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var bad = list.FirstOrDefault(p => p is not ("youtube-music" or "youtube"));
            if (list.Length == 0 || bad is not null)
            {
                throw new UsageException($"--providers '{providers}': the providers are youtube-music and youtube.");
            }

            s = s with { AudioProviders = list };
        }

        if (parse.GetValue(o.NoCache))
        {
            s = s with { NoCache = true };
        }

        if (parse.GetValue(o.CacheFile) is { } cacheFile)
        {
            s = s with { CacheFile = cacheFile };
        }

        if (parse.GetValue(o.M3u))
        {
            s = s with { CreateM3u = true };
        }

        if (parse.GetValue(o.Market) is { } market)
        {
            if (market.Length != 2 || !market.All(char.IsAsciiLetter))
            {
                throw new UsageException($"--market '{market}' is not a two-letter country code.");
            }

            s = s with { Market = market.ToUpperInvariant() };
        }

        if (parse.GetValue(o.Threshold) is { } threshold)
        {
            if (threshold is < 0 or > 1 || double.IsNaN(threshold))
            {
                throw new UsageException($"--threshold {threshold.ToString(CultureInfo.InvariantCulture)} is out of range (0-1).");
            }

            s = s with { MatchThreshold = threshold };
        }

        return s;
    }

    /// <summary>The --wait limit: null without --wait, <see cref="Timeout.InfiniteTimeSpan"/> for a bare --wait.</summary>
    public static TimeSpan? ParseWait(ParseResult parse, CliOptions o)
    {
        if (parse.GetValue(o.Wait) is not { } text)
        {
            return null;
        }

        if (text == "unlimited")
        {
            return Timeout.InfiniteTimeSpan;
        }

        return DurationParser.TryParse(text, out var d)
            ? d
            : throw new UsageException($"--wait '{text}' is not a duration (e.g. 90s, 30m, 2h).");
    }

    public static AudioFormat ParseFormat(string text) => text.Trim().ToLowerInvariant() switch
    {
        "mp3" => AudioFormat.Mp3,
        "m4a" => AudioFormat.M4a,
        "opus" => AudioFormat.Opus,
        "ogg" => AudioFormat.Ogg,
        "flac" => AudioFormat.Flac,
        "wav" => AudioFormat.Wav,
        _ => throw new UsageException($"--format '{text}' is not one of mp3, m4a, opus, ogg, flac, wav."),
    };

    public static OverwriteMode ParseOverwrite(string text) => text.Trim().ToLowerInvariant() switch
    {
        "skip" => OverwriteMode.Skip,
        "overwrite" or "force" => OverwriteMode.Overwrite,
        "metadata" => OverwriteMode.Metadata,
        _ => throw new UsageException($"--overwrite '{text}' is not one of skip, overwrite (force), metadata."),
    };
}

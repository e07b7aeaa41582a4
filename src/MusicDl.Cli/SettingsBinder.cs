using System.CommandLine;
using System.Globalization;
using MusicDl.Configuration;

namespace MusicDl.Cli;

/// <summary>
/// Applies the command line over the loaded settings (command line > environment > file > defaults), parsing each
/// value with the same rules as the config file, then validating the result as a whole.
/// </summary>
internal static class SettingsBinder
{
    public static MusicDlSettings ApplyCommandLine(MusicDlSettings settings, ParseResult parse, CliOptions o)
    {
        var s = settings;
        var outputDirGiven = false;
        if (parse.GetValue(o.OutputDir) is { } outputDir)
        {
            s = s with { OutputDir = outputDir };
            outputDirGiven = true;
        }

        if (parse.GetValue(o.Output) is { } output)
        {
            // An absolute template without --output-dir names the library folder in its fixed leading part.
            if (!outputDirGiven && AbsoluteOutput.IsAbsolute(output))
            {
                var (directory, template) = AbsoluteOutput.Split(output);
                s = s with { OutputDir = directory, Output = template };
            }
            else
            {
                s = s with { Output = output };
            }
        }

        if (parse.GetValue(o.Format) is { } format)
        {
            s = s with { Format = SettingValues.ParseFormat(format, "--format") };
        }

        if (parse.GetValue(o.Bitrate) is { } bitrate)
        {
            s = s with { Bitrate = SettingValues.ParseBitrate(bitrate, "--bitrate") };
        }

        if (parse.GetValue(o.Threads) is { } threads)
        {
            s = s with { Threads = threads };
        }

        if (parse.GetValue(o.Overwrite) is { } overwrite)
        {
            s = s with { Overwrite = SettingValues.ParseOverwrite(overwrite, "--overwrite") };
        }

        if (parse.GetValue(o.Lyrics) is { } lyrics)
        {
            s = s with { Lyrics = SettingValues.ParseLyrics(lyrics, "--lyrics") };
        }

        if (parse.GetValue(o.Providers) is { } providers)
        {
            s = s with { AudioProviders = SettingValues.ParseProviders([providers], "--providers") };
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
            s = s with { Market = SettingValues.ParseMarket(market, "--market") };
        }

        if (parse.GetValue(o.SpotifyAccess) is { } access)
        {
            s = s with { SpotifyAccess = SettingValues.ParseSpotifyAccess(access, "--spotify-access") };
        }

        if (parse.GetValue(o.Threshold) is { } threshold)
        {
            s = s with { MatchThreshold = threshold };
        }

        if (parse.GetValue(o.RequestTimeout) is { } requestTimeout)
        {
            s = s with
            {
                RequestTimeout = DurationParser.TryParse(requestTimeout, out var timeout) && timeout > TimeSpan.Zero
                    ? timeout
                    : throw new UsageException($"--request-timeout '{requestTimeout}' is not a positive duration of at most a year (e.g. 30, 30s, 2m)."),
            };
        }

        // Command-line values obey the same limits as the file's; the message names the option.
        foreach (var error in SettingsValidator.Validate(s))
        {
            var option = error.Key switch
            {
                "threads" => $"--threads {s.Threads}",
                "match_threshold" => $"--threshold {s.MatchThreshold.ToString(CultureInfo.InvariantCulture)}",
                "output" => $"--output '{s.Output}'",
                "request_timeout" => $"--request-timeout {s.RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)}",
                _ => error.Key,
            };
            throw new UsageException($"{option}: {error.Message}");
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
            : throw new UsageException($"--wait '{text}' is not a duration of at most a year (e.g. 90s, 30m, 2h; a bare --wait waits without limit).");
    }
}

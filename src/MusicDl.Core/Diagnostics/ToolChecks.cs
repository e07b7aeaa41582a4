using System.Globalization;
using CliWrap;
using CliWrap.Buffered;
using MusicDl.Audio;
using MusicDl.Configuration;
using MusicDl.Output;

namespace MusicDl.Diagnostics;

/// <summary>The external programs: ffmpeg (required), ffprobe, yt-dlp and a JavaScript runtime for it (optional).</summary>
internal static class ToolChecks
{
    private const string FfmpegHint = "install ffmpeg (apt install ffmpeg, brew install ffmpeg, winget install ffmpeg) or set ffmpeg_path to it or its folder";

    // YouTube changes often; a yt-dlp older than this has probably missed fixes it needs.
    private static readonly TimeSpan YtDlpMaxAge = TimeSpan.FromDays(90);

    public static IEnumerable<DoctorProbe> Probes(MusicDlSettings settings, DoctorContext context)
    {
        yield return new DoctorProbe("ffmpeg", ct => FfmpegAsync(settings, context, ct), d => DoctorCheck.Problem("ffmpeg", d, FfmpegHint));
        yield return new DoctorProbe("ffprobe", ct => FfprobeAsync(settings, context, ct), d => DoctorCheck.Warning("ffprobe", d, FfmpegHint));
        yield return new DoctorProbe("yt-dlp", ct => YtDlpAsync(settings, context, ct), d => DoctorCheck.Warning("yt-dlp", d, "reinstall yt-dlp or fix ytdlp_path"));
        yield return new DoctorProbe("javascript runtime", ct => JavaScriptAsync(context, ct),
            d => DoctorCheck.Warning("javascript runtime", d, "install deno (or node) for yt-dlp"));
    }

    private static async Task<DoctorCheck> FfmpegAsync(MusicDlSettings settings, DoctorContext context, CancellationToken cancellationToken)
    {
        var path = ExecutableLocator.Find("ffmpeg", settings.FfmpegPath, context.PathVariable);
        if (path is null)
        {
            var where = string.IsNullOrWhiteSpace(settings.FfmpegPath) ? "not found on PATH" : $"not found at ffmpeg_path '{settings.FfmpegPath}'";
            return DoctorCheck.Problem("ffmpeg", where, FfmpegHint);
        }

        var run = await VersionAsync(path, "-version", cancellationToken).ConfigureAwait(false);
        return run.Works(l => l.StartsWith("ffmpeg version ", StringComparison.Ordinal))
            ? DoctorCheck.Ok("ffmpeg", $"{path}, version {Word(run.Line, 2)}")
            : DoctorCheck.Problem("ffmpeg", $"{path} does not work: {run.Shown}", FfmpegHint);
    }

    private static async Task<DoctorCheck> FfprobeAsync(MusicDlSettings settings, DoctorContext context, CancellationToken cancellationToken)
    {
        // As AudioProbe finds it: beside the configured ffmpeg first, then on PATH.
        string? configured = null;
        if (!string.IsNullOrWhiteSpace(settings.FfmpegPath))
        {
            configured = Directory.Exists(settings.FfmpegPath) ? settings.FfmpegPath : Path.GetDirectoryName(Path.GetFullPath(settings.FfmpegPath));
        }

        var path = ExecutableLocator.Find("ffprobe", configured, context.PathVariable) ?? ExecutableLocator.Find("ffprobe", null, context.PathVariable);
        if (path is null)
        {
            return DoctorCheck.Warning("ffprobe", "not found (source audio is not probed: bitrate auto guesses)", FfmpegHint);
        }

        var run = await VersionAsync(path, "-version", cancellationToken).ConfigureAwait(false);
        return run.Works(l => l.StartsWith("ffprobe version ", StringComparison.Ordinal))
            ? DoctorCheck.Ok("ffprobe", $"{path}, version {Word(run.Line, 2)}")
            : DoctorCheck.Warning("ffprobe", $"{path} does not work: {run.Shown}", FfmpegHint);
    }

    private static async Task<DoctorCheck> YtDlpAsync(MusicDlSettings settings, DoctorContext context, CancellationToken cancellationToken)
    {
        var path = ExecutableLocator.Find("yt-dlp", settings.YtDlpPath, context.PathVariable);
        if (path is null)
        {
            return DoctorCheck.Warning("yt-dlp", "not found (the fallback downloader when no native client yields a stream)",
                "install yt-dlp (apt install yt-dlp, brew install yt-dlp, pipx install yt-dlp) or set ytdlp_path");
        }

        var run = await VersionAsync(path, "--version", cancellationToken).ConfigureAwait(false);
        if (!run.Works(l => l.Length > 0 && char.IsAsciiDigit(l[0]) && l.Contains('.', StringComparison.Ordinal)))
        {
            return DoctorCheck.Warning("yt-dlp", $"{path} does not work: {run.Shown}", "reinstall yt-dlp or fix ytdlp_path");
        }

        var version = Word(run.Line, 0);
        // yt-dlp's versions are release dates: 2025.10.22 (a nightly adds .HHMMSS).
        var parts = version.Split('.');
        if (parts.Length >= 3 && DateTimeOffset.TryParseExact(string.Join('.', parts[..3]), "yyyy.MM.dd", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var released))
        {
            var age = context.TimeProvider.GetUtcNow() - released;
            if (age > YtDlpMaxAge)
            {
                return DoctorCheck.Warning("yt-dlp", $"{path}, version {version}, {(int)age.TotalDays} days old",
                    "update yt-dlp (yt-dlp -U, or your package manager): YouTube changes often");
            }
        }

        return DoctorCheck.Ok("yt-dlp", $"{path}, version {version}");
    }

    private static async Task<DoctorCheck> JavaScriptAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        foreach (var name in new[] { "deno", "node" })
        {
            if (ExecutableLocator.Find(name, null, context.PathVariable) is { } path)
            {
                var run = await VersionAsync(path, "--version", cancellationToken).ConfigureAwait(false);
                if (run.Works(l => l.Length > 0))
                {
                    return DoctorCheck.Ok("javascript runtime", $"{path}, {Word(run.Line, name == "deno" ? 1 : 0)}");
                }

            }
        }

        return DoctorCheck.Warning("javascript runtime", "neither deno nor node found (yt-dlp needs one for most YouTube clients)",
            "install deno (https://deno.com) or node");
    }

    /// <summary>
    /// Runs the tool with its version option (one attempt, killed when the token fires): it works when it exits 0 and
    /// its first line reads as that tool's; what it printed is shown escaped and cut either way, never raw.
    /// </summary>
    private static async Task<ToolRun> VersionAsync(string path, string option, CancellationToken cancellationToken)
    {
        var result = await Cli.Wrap(path).WithArguments([option]).WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken).ConfigureAwait(false);
        var first = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? string.Empty;
        var said = first.Length > 0 ? first : result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? string.Empty;
        return new ToolRun(result.ExitCode, Downloading.ToolFailureStreak.Escape(first, ShownChars), Downloading.ToolFailureStreak.Escape(said, ShownChars));
    }

    private const int ShownChars = 120;

    private static string Word(string line, int index)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return index < words.Length ? words[index] : line;
    }

    /// <summary>A tool's version run: its exit code, its first line (escaped and cut), and what it said for a failure.</summary>
    private sealed record ToolRun(int ExitCode, string Line, string Said)
    {
        public bool Works(Func<string, bool> looksRight) => ExitCode == 0 && looksRight(Line);

        public string Shown => $"exit {ExitCode}, printed {(Said.Length == 0 ? "nothing" : "\"" + Said + "\"")}";
    }
}

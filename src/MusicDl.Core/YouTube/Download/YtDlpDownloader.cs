using System.Text;
using CliWrap;
using MusicDl.Audio;
using MusicDl.Configuration;
using MusicDl.Models;

namespace MusicDl.YouTube.Download;

/// <summary>
/// The fallback when no native player client yields a stream: runs yt-dlp (through CliWrap) for one video, as a
/// well-behaved child: the user's own yt-dlp config is ignored (a download-archive hit there would exit 0 with no
/// file), the JavaScript runtimes and extra arguments come from musicdl's config.
/// </summary>
public sealed class YtDlpDownloader
{
    public const string InstallHint = "install yt-dlp (pipx install yt-dlp / brew install yt-dlp / winget install yt-dlp) or set ytdlp_path";

    private readonly Uri _youTubeBase;

    public YtDlpDownloader(string executable, string? cookiesFile, Uri youTubeBase, MediaRequestCounter? counter = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executable);
        ArgumentNullException.ThrowIfNull(youTubeBase);
        Executable = executable;
        CookiesFile = string.IsNullOrWhiteSpace(cookiesFile) ? null : cookiesFile;
        _youTubeBase = youTubeBase;
        Counter = counter ?? new MediaRequestCounter();
    }

    public string Executable { get; }

    public string? CookiesFile { get; }

    /// <summary>Each passed as <c>--js-runtimes</c> (yt-dlp needs one for every client but visionos).</summary>
    public IReadOnlyList<string> JsRuntimes { get; init; } = [];

    /// <summary><c>ytdlp_args</c>: extra arguments, placed before the URL.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    public MediaRequestCounter Counter { get; }

    /// <summary>yt-dlp from <c>ytdlp_path</c> or PATH, or null when there is none.</summary>
    public static YtDlpDownloader? TryLocate(MusicDlSettings settings, string? pathVariable, MediaRequestCounter? counter = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var path = ExecutableLocator.Find("yt-dlp", settings.YtDlpPath, pathVariable);
        return path is null ? null : new YtDlpDownloader(path, settings.YtDlpCookies, settings.Endpoints.YouTube, counter)
        {
            JsRuntimes = JsRuntimesFor(settings, pathVariable),
            ExtraArguments = settings.YtDlpArgs,
        };
    }

    /// <summary>
    /// The runtimes to pass: the configured ones; else none when deno is installed (yt-dlp's default); else node when
    /// only node is (yt-dlp would not use it unasked).
    /// </summary>
    public static IReadOnlyList<string> JsRuntimesFor(MusicDlSettings settings, string? pathVariable)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.YtDlpJsRuntimes.Count > 0)
        {
            return settings.YtDlpJsRuntimes;
        }

        return ExecutableLocator.Find("deno", null, pathVariable) is null && ExecutableLocator.Find("node", null, pathVariable) is not null ? ["node"] : [];
    }

    /// <summary>
    /// A warning when <c>ytdlp_cookies</c> is set but no JavaScript runtime is: with cookies yt-dlp switches to clients
    /// that all need one, so cookies without deno or node make things worse. Null when all is well.
    /// </summary>
    public static string? CookiesWithoutJsRuntimeWarning(MusicDlSettings settings, string? pathVariable)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrWhiteSpace(settings.YtDlpCookies) || settings.YtDlpJsRuntimes.Count > 0
            || ExecutableLocator.Find("deno", null, pathVariable) is not null || ExecutableLocator.Find("node", null, pathVariable) is not null)
        {
            return null;
        }

        return "ytdlp_cookies is set but no JavaScript runtime (deno or node) was found: with cookies yt-dlp uses clients that all need one, "
            + "so its downloads will fail; install deno (https://deno.com) or set ytdlp_js_runtimes";
    }

    /// <summary>The format selection: the stream the output format can copy (Opus for opus/ogg, AAC for m4a), else the best audio.</summary>
    public static string FormatFor(AudioFormat format) => format switch
    {
        AudioFormat.Opus or AudioFormat.Ogg => "bestaudio[acodec=opus]/bestaudio/best",
        AudioFormat.M4a => "bestaudio[ext=m4a]/bestaudio/best",
        _ => "bestaudio/best",
    };

    public IReadOnlyList<string> BuildArguments(string videoId, string destinationPath, AudioFormat format)
    {
        List<string> args = ["--ignore-config", "-f", FormatFor(format), "-o", destinationPath + ".%(ext)s", "--no-playlist", "--no-progress"];
        if (CookiesFile is not null)
        {
            args.AddRange(["--cookies", CookiesFile]);
        }

        foreach (var runtime in JsRuntimes)
        {
            args.AddRange(["--js-runtimes", runtime]);
        }

        args.AddRange(ExtraArguments);
        args.Add(VideoId.Require(videoId).WatchUrlOn(_youTubeBase));
        return args;
    }

    /// <summary>
    /// Downloads the best audio of <paramref name="videoId"/> and moves it to <paramref name="destinationPath"/>;
    /// returns what the file holds (by yt-dlp's extension). Leaves nothing behind on failure or cancellation.
    /// </summary>
    public async Task<SourceAudio> DownloadAsync(string videoId, string destinationPath, AudioFormat format, CancellationToken cancellationToken = default, TimeSpan? expectedLength = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationPath);
        var stderr = new StringBuilder();
        Counter.CountYtDlpRun();
        try
        {
            var command = Cli.Wrap(Executable)
                .WithArguments(BuildArguments(videoId, destinationPath, format))
                .WithValidation(CommandResultValidation.None)
                .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr));
            var result = await ProcessLimit.ExecuteAsync(command, "yt-dlp", ProcessLimit.For(expectedLength), cancellationToken);
            if (result.ExitCode != 0)
            {
                throw new YtDlpFailedException($"yt-dlp failed for video {videoId} (exit {result.ExitCode}): {AudioProbe.LastLine(stderr)}");
            }

            var written = Outputs(destinationPath).FirstOrDefault(f => !IsPartial(f))
                ?? throw new YtDlpFailedException($"yt-dlp reported success for video {videoId} but wrote no file");
            var extension = Path.GetExtension(written);
            File.Move(written, destinationPath, overwrite: true);
            return SourceAudio.FromExtension(extension);
        }
        catch
        {
            foreach (var leftover in Outputs(destinationPath).Append(destinationPath))
            {
                FileCleanup.TryDelete(leftover);
            }

            throw;
        }
    }

    private static IEnumerable<string> Outputs(string destinationPath)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(destinationPath)) ?? ".";
        return Directory.Exists(dir) ? Directory.GetFiles(dir, Path.GetFileName(destinationPath) + ".*") : [];
    }

    private static bool IsPartial(string file) =>
        file.EndsWith(".part", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".ytdl", StringComparison.OrdinalIgnoreCase) || file.Contains(".part-", StringComparison.OrdinalIgnoreCase);
}

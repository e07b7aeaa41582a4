using System.Text;
using CliWrap;
using MusicDl.Audio;
using MusicDl.Configuration;

namespace MusicDl.YouTube.Download;

/// <summary>The fallback when no native player client yields a stream: runs yt-dlp (through CliWrap) for one video.</summary>
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

    public MediaRequestCounter Counter { get; }

    /// <summary>yt-dlp from <c>ytdlp_path</c> or PATH, or null when there is none.</summary>
    public static YtDlpDownloader? TryLocate(MusicDlSettings settings, MediaRequestCounter? counter = null, string? pathVariable = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var path = ExecutableLocator.Find("yt-dlp", settings.YtDlpPath, pathVariable);
        return path is null ? null : new YtDlpDownloader(path, settings.YtDlpCookies, settings.Endpoints.YouTube, counter);
    }

    public IReadOnlyList<string> BuildArguments(string videoId, string destinationPath)
    {
        List<string> args = ["-f", "bestaudio[ext=m4a]/bestaudio/best", "-o", destinationPath + ".%(ext)s", "--no-playlist", "--no-progress"];
        if (CookiesFile is not null)
        {
            args.AddRange(["--cookies", CookiesFile]);
        }

        args.Add(_youTubeBase.AbsoluteUri.TrimEnd('/') + "/watch?v=" + videoId);
        return args;
    }

    /// <summary>
    /// Downloads the best audio of <paramref name="videoId"/> and moves it to <paramref name="destinationPath"/>;
    /// returns what the file holds (by yt-dlp's extension). Leaves nothing behind on failure or cancellation.
    /// </summary>
    public async Task<SourceAudio> DownloadAsync(string videoId, string destinationPath, CancellationToken cancellationToken = default, TimeSpan? expectedLength = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationPath);
        var stderr = new StringBuilder();
        Counter.CountYtDlpRun();
        try
        {
            var command = Cli.Wrap(Executable)
                .WithArguments(BuildArguments(videoId, destinationPath))
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

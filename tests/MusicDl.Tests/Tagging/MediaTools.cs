using System.Diagnostics;

namespace MusicDl.Tests.Tagging;

/// <summary>Runs ffmpeg/ffprobe for tests: makes real 1-second files and reads them back.</summary>
internal static class MediaTools
{
    public static (int ExitCode, string Stdout, string Stderr) Run(string tool, params string[] arguments)
    {
        var info = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', arguments)} took over a minute");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public static void Ffmpeg(params string[] arguments)
    {
        var result = Run("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", .. arguments]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg failed: {result.Stderr}");
        }
    }
}

using System.Diagnostics;

namespace MusicDl.Tests.Audio;

/// <summary>ffmpeg helpers for assertions: an MD5 over a file's audio packets (equal after a true stream copy).</summary>
internal static class FfmpegTestTools
{
    public static async Task<string> AudioPacketMd5Async(string file)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-nostdin", "-loglevel", "error", "-i", file, "-map", "0:a:0", "-c", "copy", "-f", "md5", "-" })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, error);
        return output.Trim();
    }
}

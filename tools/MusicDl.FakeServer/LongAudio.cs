using System.Diagnostics;
using System.Globalization;
using MusicDl.Fakes.YouTubeMedia;

namespace MusicDl.FakeServer;

/// <summary>
/// Replaces the fake's one-second files with longer ones in place, before the media route has read them
/// (it loads each file once, on the first request), so the shared fake stays unchanged.
/// </summary>
public static class LongAudio
{
    public static async Task ReplaceAsync(FakeAudioFiles files, int seconds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        await GenerateAsync(seconds, ["-c:a", "libopus", "-b:a", "160k", "-f", "webm"], files.OpusWebm, cancellationToken).ConfigureAwait(false);
        await GenerateAsync(seconds, ["-c:a", "aac", "-b:a", "128k", "-f", "mp4"], files.AacM4a, cancellationToken).ConfigureAwait(false);
    }

    private static async Task GenerateAsync(int seconds, string[] codec, string target, CancellationToken cancellationToken)
    {
        // Written next to the target and moved over it, so a reader never sees a half-written file.
        var temp = target + ".tmp";
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        string[] input = ["-nostdin", "-y", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i",
            string.Create(CultureInfo.InvariantCulture, $"sine=frequency=440:duration={seconds}:sample_rate=48000"), "-ac", "2"];
        foreach (var a in input.Concat(codec).Append(temp))
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg could not be started.");
        var error = await process.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg failed to generate {seconds} s of audio: {error.Trim()}");
        }

        File.Move(temp, target, overwrite: true);
    }
}

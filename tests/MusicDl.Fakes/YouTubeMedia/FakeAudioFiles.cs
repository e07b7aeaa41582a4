using System.Diagnostics;

namespace MusicDl.Fakes.YouTubeMedia;

/// <summary>
/// One-second sine files that ffmpeg generates once per test run, in the shapes YouTube serves:
/// webm/Opus (itag 251) and m4a/AAC (itags 140, 141).
/// </summary>
public sealed class FakeAudioFiles
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static FakeAudioFiles? _instance;

    private FakeAudioFiles(string folder)
    {
        Folder = folder;
    }

    public string Folder { get; }

    public string OpusWebm => Path.Combine(Folder, "sine.webm");

    public string AacM4a => Path.Combine(Folder, "sine.m4a");

    public static async Task<FakeAudioFiles> GetAsync(CancellationToken cancellationToken = default)
    {
        await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_instance is not null)
            {
                return _instance;
            }

            var folder = Path.Combine(Path.GetTempPath(), "musicdl-fake-audio-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);

            // One folder per test process, removed when it exits so runs leave nothing in /tmp.
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                }
            };
            var files = new FakeAudioFiles(folder);
            await GenerateAsync(["-c:a", "libopus", "-b:a", "160k", "-f", "webm", files.OpusWebm], cancellationToken).ConfigureAwait(false);
            await GenerateAsync(["-c:a", "aac", "-b:a", "128k", "-f", "mp4", files.AacM4a], cancellationToken).ConfigureAwait(false);
            _instance = files;
            return files;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The file behind an itag: 251/250/249 are Opus, the rest AAC.</summary>
    public string ForItag(int itag) => itag is 251 or 250 or 249 ? OpusWebm : AacM4a;

    private static async Task GenerateAsync(IEnumerable<string> outputArgs, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-nostdin", "-y", "-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=1:sample_rate=48000", "-ac", "2" }.Concat(outputArgs))
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg could not be started to generate fake audio.");
        var error = await process.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("ffmpeg failed to generate fake audio: " + error);
        }
    }
}

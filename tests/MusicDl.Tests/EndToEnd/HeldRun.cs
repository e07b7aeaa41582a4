using System.Diagnostics;
using MusicDl.Tests.Harness;

namespace MusicDl.Tests.EndToEnd;

/// <summary>
/// A `download` run started in the background, one track at a time, and frozen on its Nth media request (the fake
/// holds it open), so that a test can act while it is in flight: signal it, or start a second run beside it.
/// </summary>
public sealed class HeldRun : IDisposable
{
    // Only a guard against a hang: each wait ends on an event (a held request, a placement, a line). A cold start of
    // the binary and several tracks of search, player and ffmpeg before it took over 30 s on the 2 shared cores.
    private static readonly TimeSpan HoldTimeout = TimeSpan.FromMinutes(2);

    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private HeldRun(Process process)
    {
        Process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public Process Process { get; }

    public static async Task<HeldRun> StartAsync(FakeWorld world, string url, int holdMediaRequest)
    {
        ArgumentNullException.ThrowIfNull(world);

        // One track at a time, so that the held request freezes the whole run.
        world.WriteConfig(world.Config().Replace("threads: 4", "threads: 1", StringComparison.Ordinal));
        world.Media.MediaRoute.HoldRequest(holdMediaRequest);
        var run = new HeldRun(world.Sandbox.Start(["--config", world.ConfigPath, "download", url, "--json"]));
        await world.Media.MediaRoute.Held.WaitAsync(HoldTimeout);
        return run;
    }

    /// <summary>Waits for the process to end and returns what it printed.</summary>
    public async Task<MusicDlResult> WaitAsync()
    {
        await Process.WaitForExitAsync().WaitAsync(HoldTimeout);
        return new MusicDlResult(Process.ExitCode, await _stdout, await _stderr);
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        Process.Dispose();
    }
}

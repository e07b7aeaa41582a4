using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MusicDl.Tests.EndToEnd;

/// <summary>SIGTERM and SIGINT stop the run cleanly: exit 130, nothing half-written at a final path.</summary>
public sealed class InterruptEndToEndTests : IAsyncLifetime
{
    private FakeWorld _world = null!;

    public async Task InitializeAsync() => _world = await FakeWorld.StartAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Theory]
    [InlineData(15)] // SIGTERM
    [InlineData(2)] // SIGINT
    public async Task A_signal_mid_download_exits_130_and_leaves_no_partial_file(int signal)
    {
        var album = _world.AddDownloadableAlbum(3);
        var media = _world.Media.MediaRoute.HoldRequest(1);
        using var process = _world.Sandbox.Start(["--config", _world.ConfigPath, "download", $"https://open.spotify.com/album/{album.Id}", "--threads", "1"]);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        await media.Held.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, Kill(process.Id, signal));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        media.Release();

        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}\n{await stdout}\n{await stderr}");
        var files = Directory.EnumerateFiles(_world.Sandbox.Library, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.Combine(_world.Sandbox.Library, ".musicdl"), StringComparison.Ordinal))
            .ToList();
        Assert.Empty(files);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}

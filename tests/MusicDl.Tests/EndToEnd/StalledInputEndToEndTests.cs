using System.Diagnostics;
using System.Globalization;

namespace MusicDl.Tests.EndToEnd;

/// <summary>Issue 25: a read of stdin that never ends still ends on the first signal.</summary>
[Trait("Category", "EndToEnd")]
public sealed class StalledInputEndToEndTests : IAsyncLifetime
{
    private FakeWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await FakeWorld.StartAsync();
        _world.WriteConfig(_world.Config());
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Theory]
    [InlineData("-TERM")]
    [InlineData("-HUP")]
    public async Task From_file_stdin_fed_by_a_producer_that_stalls_ends_on_the_first_signal_with_exit_130(string signal)
    {
        using var process = _world.Sandbox.Start(["--config", _world.ConfigPath, "download", "--json", "--from-file", "-"], redirectStdin: true);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        // The producer wrote a line and then stalled, its end still open.
        await process.StandardInput.WriteLineAsync("https://open.spotify.com/album/0000000000000000000000");
        await process.StandardInput.FlushAsync();
        await ReadingStdinAsync(process);

        using (var kill = Process.Start("kill", [signal, process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(bound.Token);
        var (output, errors) = (await stdout, await stderr);

        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}: {errors}");
        Assert.Contains("interrupted", errors, StringComparison.Ordinal);
        Assert.Contains("\"exit_code\":130", output.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(_world.Host.Log.IsEmpty, "requests were made");
    }

    /// <summary>
    /// Waits (bounded) until one of the process's threads sits in read() on its stdin (.NET reads a duplicate of
    /// descriptor 0, so the descriptor is matched by what it points at), on Linux x64; elsewhere returns at once.
    /// </summary>
    private static async Task ReadingStdinAsync(Process process)
    {
        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture != System.Runtime.InteropServices.Architecture.X64)
        {
            return;
        }

        var fds = $"/proc/{process.Id}/fd";
        var stdin = new FileInfo(Path.Combine(fds, "0")).LinkTarget;
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{process.Id}/task"))
            {
                try
                {
                    // "0 0x28 ...": syscall 0 (read) on descriptor 0x28.
                    var call = File.ReadAllText(Path.Combine(task, "syscall")).Split(' ');
                    if (call.Length > 1 && call[0] == "0" && call[1].StartsWith("0x", StringComparison.Ordinal)
                        && new FileInfo(Path.Combine(fds, Convert.ToInt32(call[1][2..], 16).ToString(CultureInfo.InvariantCulture))).LinkTarget == stdin)
                    {
                        return;
                    }
                }
                catch (IOException)
                {
                    // The thread or descriptor went meanwhile.
                }
            }

            await Task.Delay(50);
        }

        Assert.Fail("musicdl never started reading stdin");
    }
}

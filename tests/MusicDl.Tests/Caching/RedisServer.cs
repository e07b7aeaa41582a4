using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MusicDl.Tests.Caching;

/// <summary>
/// A throwaway redis-server on a free loopback port, no persistence. It fails loudly when it cannot start:
/// the Redis tests never skip (CI installs redis-server).
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        // The free port is only free when we asked: another process may take it before redis-server binds it.
        // Then redis-server exits at once and a fresh port is tried; its own "ready" line, not a probe that another
        // listener on the port could answer, says the server is ours and up.
        const int attempts = 5;
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var (server, ready) = Launch(port);
            var exited = server._process.WaitForExitAsync();
            var first = await Task.WhenAny(ready.Task, exited, Task.Delay(TimeSpan.FromSeconds(30)));
            if (first == ready.Task)
            {
                return server;
            }

            await server.DisposeAsync();
            if (first != exited || attempt == attempts)
            {
                throw new InvalidOperationException($"redis-server did not come up on port {port}.");
            }
        }
    }

    private static (RedisServer Server, TaskCompletionSource Ready) Launch(int port)
    {
        var info = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"redis-server cannot be started ({ex.Message}); install it (the CI script does).", ex);
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.Contains("Ready to accept connections", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (new RedisServer(process, port), ready);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>A loopback port nothing listens on (for the outage tests).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MusicDl.Tests.Harness;

/// <summary>
/// A loopback port that accepts connections (the kernel completes them) and never answers a byte. It reads each
/// request's headers, so a run on a <see cref="DrivenClock"/> is told its request is held for good and its deadline
/// fires: nothing is ever written back.
/// </summary>
public sealed class SilentServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _clients = [];

    public SilentServer()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_clients)
                {
                    _clients.Add(client);
                }

                _ = ReadHeadersAsync(client);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    private async Task ReadHeadersAsync(TcpClient client)
    {
        var seen = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            var stream = client.GetStream();
            while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                seen.Append(Encoding.Latin1.GetString(buffer, 0, read));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or IOException)
        {
            return;
        }

        var traceparent = seen.ToString().Split("\r\n")
            .FirstOrDefault(l => l.StartsWith("traceparent:", StringComparison.OrdinalIgnoreCase))?["traceparent:".Length..].Trim();
        DrivenClock.Holding(traceparent);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_clients)
        {
            foreach (var client in _clients)
            {
                client.Dispose();
            }
        }

        _stop.Dispose();
    }
}

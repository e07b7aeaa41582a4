using System.Net;
using System.Net.Sockets;

namespace MusicDl.Tests.TestSupport;

/// <summary>Loopback ports for code under test that listens on a port it is given (the login's redirect listener).</summary>
public static class LoopbackPorts
{
    /// <summary>
    /// A port nothing listens on, chosen below the kernel's ephemeral range: a port the kernel handed out (bind to 0)
    /// and we released can be handed straight to another process's outgoing connection before the code under test
    /// binds it, which on a busy machine makes a listener test fail now and then; below the range only a process that
    /// names the very port can take it.
    /// </summary>
    public static int Unused()
    {
        var (low, _) = EphemeralRange();
        var first = 10_000;
        if (low - first < 1_000)
        {
            return KernelChosen();
        }

        for (var attempt = 0; attempt < 50; attempt++)
        {
            var port = Random.Shared.Next(first, low);
            try
            {
                using var probe = new TcpListener(IPAddress.Loopback, port);
                probe.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: another draw.
            }
        }

        return KernelChosen();
    }

    private static int KernelChosen()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Linux's range (<c>/proc/sys/net/ipv4/ip_local_port_range</c>); IANA's 49152-65535 elsewhere.</summary>
    private static (int Low, int High) EphemeralRange()
    {
        try
        {
            var parts = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            return (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return (49_152, 65_535);
        }
    }
}

using System.Globalization;
using System.Net;

namespace MusicDl.Configuration;

/// <summary>
/// Checks <c>cache_redis</c> when the config loads: a <c>redis://</c> or <c>rediss://</c> URL, or StackExchange.Redis
/// parts separated by commas, each <c>host[:port]</c> or a known <c>key=value</c> option, with at least one endpoint.
/// The client library's own parser accepts almost anything (a typo becomes a host name), so it proves nothing.
/// Messages never quote a part: it may be a password.
/// </summary>
internal static class RedisConnectionCheck
{
    private static readonly string[] Options =
    [
        "abortConnect", "allowAdmin", "asyncTimeout", "channelPrefix", "checkCertificateRevocation", "configChannel",
        "configCheckSeconds", "connectRetry", "connectTimeout", "defaultDatabase", "highPrioritySocketThreads",
        "keepAlive", "name", "password", "protocol", "proxy", "resolveDns", "responseTimeout", "serviceName",
        "setlib", "ssl", "sslHost", "sslProtocols", "syncTimeout", "tiebreaker", "user", "version", "writeBuffer",
    ];

    public static string? Problem(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            return "must not be empty";
        }

        var trimmed = value.Trim();
        if (trimmed.StartsWith("redis://", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase))
        {
            return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Host.Length > 0 && !trimmed.Contains(',', StringComparison.Ordinal)
                ? null
                : "is not a valid redis:// or rediss:// URL";
        }

        var endpoints = 0;
        var parts = trimmed.Split(',');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i].Trim();
            if (part.Length == 0)
            {
                continue;
            }

            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                var key = part[..equals].Trim();
                if (!Options.Contains(key, StringComparer.OrdinalIgnoreCase))
                {
                    return key.Length == 0 || key.Any(char.IsWhiteSpace)
                        ? $"part {i + 1} is neither host[:port] nor a key=value option"
                        : $"has an unknown option '{key}' (known: {string.Join(", ", Options)})";
                }

                continue;
            }

            if (!IsEndpoint(part))
            {
                return $"part {i + 1} is neither host[:port] nor a key=value option (or write a redis:// URL)";
            }

            endpoints++;
        }

        return endpoints == 0 ? "names no server: give at least one host[:port]" : null;
    }

    private static bool IsEndpoint(string part)
    {
        string host;
        string? port = null;
        if (part.StartsWith('['))
        {
            var close = part.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            host = part[1..close];
            var rest = part[(close + 1)..];
            if (rest.Length > 0)
            {
                if (rest[0] != ':')
                {
                    return false;
                }

                port = rest[1..];
            }

            return IPAddress.TryParse(host, out _) && PortOk(port);
        }

        var colon = part.LastIndexOf(':');
        host = colon >= 0 ? part[..colon] : part;
        port = colon >= 0 ? part[(colon + 1)..] : null;
        return host.Length > 0 && Uri.CheckHostName(host) != UriHostNameType.Unknown && PortOk(port);
    }

    private static bool PortOk(string? port) =>
        port is null || (int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 65535);
}

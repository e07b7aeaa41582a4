using System.Text;
using YamlDotNet.RepresentationModel;

namespace MusicDl.Configuration;

/// <summary>
/// Reads <c>youtube_clients</c>: an ordered list whose items are either the name of a built-in client
/// (<c>- visionos</c>) or a full map in yt-dlp's terms, because YouTube keeps changing which clients work.
/// </summary>
internal static class YouTubeClientsReader
{
    private static readonly (string Key, Func<YouTubeClientSettings, ConfigNode, YouTubeClientSettings> Read, Func<YouTubeClientSettings, string?> Render)[] Fields =
    [
        ("name", (c, n) => c with { Name = n.String() ?? string.Empty }, c => YamlText.Quote(c.Name)),
        ("client_name", (c, n) => c with { ClientName = n.String() ?? string.Empty }, c => YamlText.Quote(c.ClientName)),
        ("client_version", (c, n) => c with { ClientVersion = n.String() ?? string.Empty }, c => YamlText.Quote(c.ClientVersion)),
        ("client_id", (c, n) => c with { ClientId = n.Int() }, c => YamlText.Int(c.ClientId)),
        ("user_agent", (c, n) => c with { UserAgent = n.String() }, c => Optional(c.UserAgent)),
        ("device_make", (c, n) => c with { DeviceMake = n.String() }, c => Optional(c.DeviceMake)),
        ("device_model", (c, n) => c with { DeviceModel = n.String() }, c => Optional(c.DeviceModel)),
        ("os_name", (c, n) => c with { OsName = n.String() }, c => Optional(c.OsName)),
        ("os_version", (c, n) => c with { OsVersion = n.String() }, c => Optional(c.OsVersion)),
        ("android_sdk_version", (c, n) => c with { AndroidSdkVersion = n.Int() },
            c => c.AndroidSdkVersion is { } v ? YamlText.Int(v) : null),
        ("client_screen", (c, n) => c with { ClientScreen = n.String() }, c => Optional(c.ClientScreen)),
        ("time_zone", (c, n) => c with { TimeZone = n.String() }, c => Optional(c.TimeZone)),
        ("utc_offset_minutes", (c, n) => c with { UtcOffsetMinutes = n.Int() }, c => c.UtcOffsetMinutes is { } v ? YamlText.Int(v) : null),
        ("context", (c, n) => c with { Context = ReadMap(n, "a map of context.client fields") }, c => RenderMap(c.Context)),
        ("headers", (c, n) => c with { Headers = ReadMap(n, "a map of HTTP headers") }, c => RenderMap(c.Headers)),
    ];

    public static IReadOnlyList<YouTubeClientSettings> Read(ConfigNode node)
    {
        var sequence = node.Sequence("a list of clients (names of built-in clients or maps)");
        var clients = new List<YouTubeClientSettings>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = node.Child($"[{i}]", sequence.Children[i]);
            var client = item.Node is YamlMappingNode map ? ReadClient(item, map) : BuiltIn(item);
            if (YouTubeClientDefaults.WhyRetired(client) is { } why)
            {
                // Still loaded (the config stays valid), but the user learns why it will not help.
                item.Warnings.Add($"{item.Location}: youtube_clients: client '{client.Name}' no longer works: {why}; use visionos (the default) and let yt-dlp handle the rest");
            }

            clients.Add(client);
        }

        return clients.Count > 0 ? clients : throw node.Error("needs at least one client");
    }

    public static string Render(IReadOnlyList<YouTubeClientSettings> clients)
    {
        var sb = new StringBuilder();
        foreach (var client in clients)
        {
            var fields = Fields.Select(f => (f.Key, Value: f.Render(client))).Where(f => f.Value is not null);
            sb.Append("\n    - {").AppendJoin(", ", fields.Select(f => $"{f.Key}: {f.Value}")).Append('}');
        }

        return sb.ToString();
    }

    private static YouTubeClientSettings BuiltIn(ConfigNode item)
    {
        var name = item.String() ?? throw item.Error("empty client name");
        if (YouTubeClientDefaults.Retired.TryGetValue(name, out var retired))
        {
            return retired.Client;
        }

        return YouTubeClientDefaults.All.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            ?? throw item.Error($"unknown built-in client '{name}'; built in: "
                + $"{string.Join(", ", YouTubeClientDefaults.All.Select(c => c.Name))}, or give a map with name, client_name and client_version");
    }

    private static YouTubeClientSettings ReadClient(ConfigNode item, YamlMappingNode map)
    {
        var client = new YouTubeClientSettings { Name = string.Empty, ClientName = string.Empty, ClientVersion = string.Empty };
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var field = Fields.FirstOrDefault(f => f.Key == key);
            if (field.Key is null)
            {
                item.Warnings.Add($"{item.File}:{keyNode.Start.Line}:{keyNode.Start.Column}: unknown key '{key}' in {item.Key} (ignored)");
                continue;
            }

            var value = item.Child(key, valueNode);
            client = value.IsNull ? client : field.Read(client, value);
        }

        var missing = new[] { ("name", client.Name), ("client_name", client.ClientName), ("client_version", client.ClientVersion) }
            .Where(f => string.IsNullOrWhiteSpace(f.Item2))
            .Select(f => f.Item1)
            .ToArray();
        return missing.Length == 0 ? client : throw item.Error($"a client needs {string.Join(", ", missing)}");
    }

    private static string? Optional(string? value) => value is null ? null : YamlText.Quote(value);

    private static Dictionary<string, string> ReadMap(ConfigNode node, string expected)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in node.Mapping(expected).Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            if (string.IsNullOrWhiteSpace(key))
            {
                throw node.Error($"expected {expected} with text keys");
            }

            result[key] = node.Child(key, valueNode).Scalar("a text value");
        }

        return result;
    }

    private static string? RenderMap(IReadOnlyDictionary<string, string> map) =>
        map.Count == 0 ? null : "{" + string.Join(", ", map.Select(p => $"{YamlText.Quote(p.Key)}: {YamlText.Quote(p.Value)}")) + "}";
}

using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using MusicDl.Configuration;
using MusicDl.Http;

namespace MusicDl.YouTube.Player;

/// <summary>Makes the raw POST /youtubei/v1/player calls for one client context.</summary>
internal sealed class PlayerController(ServiceEdge edge, Uri youTubeBase)
{
    private readonly Uri _playerUri = new(youTubeBase.AbsoluteUri.TrimEnd('/') + "/youtubei/v1/player?prettyPrint=false");

    public async Task<PlayerResponse> GetPlayerAsync(string videoId, YouTubeClientSettings client, string? visitorData, CancellationToken cancellationToken)
    {
        var body = BuildBody(videoId, client, visitorData);
        HttpRequestMessage Request()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, _playerUri) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.TryAddWithoutValidation("X-YouTube-Client-Name", client.ClientId.ToString(CultureInfo.InvariantCulture));
            request.Headers.TryAddWithoutValidation("X-YouTube-Client-Version", client.ClientVersion);
            request.Headers.TryAddWithoutValidation("Origin", "https://www.youtube.com");
            if (!string.IsNullOrEmpty(client.UserAgent))
            {
                request.Headers.TryAddWithoutValidation("User-Agent", client.UserAgent);
            }

            if (!string.IsNullOrEmpty(visitorData))
            {
                request.Headers.TryAddWithoutValidation("X-Goog-Visitor-Id", visitorData);
            }

            foreach (var (name, value) in client.Headers)
            {
                request.Headers.Remove(name);
                request.Headers.TryAddWithoutValidation(name, value);
            }

            return request;
        }

        // An oversize answer is one that cannot be read: the service's fault, like HTML or a cut body.
        return await edge.ReadAsync(
            Request,
            (_, answer) =>
            {
                using var doc = JsonDocument.Parse(answer);
                return PlayerResponseParser.Parse(doc.RootElement);
            },
            cancellationToken,
            Call);
    }

    private static readonly EdgeCall Call = new() { Answers = [], BodyLimit = BoundedBody.YouTubeLimit };

    internal static byte[] BuildBody(string videoId, YouTubeClientSettings client, string? visitorData = null)
    {
        // The context.client fields in yt-dlp's order; a config "context" entry of the same name replaces one.
        var fields = new List<(string Name, string? Value)>
        {
            ("clientName", client.ClientName),
            ("clientVersion", client.ClientVersion),
            ("deviceMake", client.DeviceMake),
            ("deviceModel", client.DeviceModel),
            ("osName", client.OsName),
            ("osVersion", client.OsVersion),
            ("clientScreen", client.ClientScreen),
            ("userAgent", client.UserAgent),
            ("androidSdkVersion", client.AndroidSdkVersion?.ToString(CultureInfo.InvariantCulture)),

            // English reasons let PlayerFailures tell a bot check from an age gate.
            ("hl", "en"),
            ("gl", "US"),
            ("timeZone", client.TimeZone),
            ("utcOffsetMinutes", client.UtcOffsetMinutes?.ToString(CultureInfo.InvariantCulture)),
            ("visitorData", visitorData),
        };
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("videoId", videoId);
            w.WriteBoolean("contentCheckOk", true);
            w.WriteBoolean("racyCheckOk", true);
            w.WriteStartObject("context");
            w.WriteStartObject("client");
            foreach (var (name, value) in fields)
            {
                if (!string.IsNullOrEmpty(value) && !client.Context.ContainsKey(name))
                {
                    WriteScalar(w, name, value, quoted: name is not ("androidSdkVersion" or "utcOffsetMinutes"));
                }
            }

            foreach (var (name, value) in client.Context)
            {
                WriteScalar(w, name, value, quoted: false);
            }

            w.WriteEndObject();
            if (client.ClientScreen == "EMBED")
            {
                // Embedded clients must name the page that embeds them.
                w.WriteStartObject("thirdParty");
                w.WriteString("embedUrl", "https://www.youtube.com/");
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    // Config values are text; numbers and booleans go out as JSON numbers and booleans, as InnerTube sends them.
    private static void WriteScalar(Utf8JsonWriter w, string name, string value, bool quoted)
    {
        if (quoted)
        {
            w.WriteString(name, value);
        }
        else if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
        {
            w.WriteNumber(name, n);
        }
        else if (value is "true" or "false")
        {
            w.WriteBoolean(name, value == "true");
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}

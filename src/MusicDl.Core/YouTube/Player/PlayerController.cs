using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using MusicDl.Configuration;

namespace MusicDl.YouTube.Player;

/// <summary>Makes the raw POST /youtubei/v1/player calls for one client context.</summary>
internal sealed class PlayerController(HttpClient http, Uri youTubeBase)
{
    private readonly Uri _playerUri = new(youTubeBase.AbsoluteUri.TrimEnd('/') + "/youtubei/v1/player?prettyPrint=false");

    public async Task<PlayerResponse> GetPlayerAsync(string videoId, YouTubeClientSettings client, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _playerUri);
        request.Content = new ByteArrayContent(BuildBody(videoId, client));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("X-YouTube-Client-Name", client.ClientId.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("X-YouTube-Client-Version", client.ClientVersion);
        request.Headers.TryAddWithoutValidation("Origin", "https://www.youtube.com");
        if (!string.IsNullOrEmpty(client.UserAgent))
        {
            request.Headers.TryAddWithoutValidation("User-Agent", client.UserAgent);
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"the YouTube player endpoint answered HTTP {(int)response.StatusCode} for video {videoId} (client {client.Name})", null, response.StatusCode);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var doc = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        return PlayerResponseParser.Parse(doc.RootElement);
    }

    internal static byte[] BuildBody(string videoId, YouTubeClientSettings client)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("videoId", videoId);
            w.WriteBoolean("contentCheckOk", true);
            w.WriteBoolean("racyCheckOk", true);
            w.WriteStartObject("context");
            w.WriteStartObject("client");
            w.WriteString("clientName", client.ClientName);
            w.WriteString("clientVersion", client.ClientVersion);
            WriteIfSet(w, "deviceMake", client.DeviceMake);
            WriteIfSet(w, "deviceModel", client.DeviceModel);
            WriteIfSet(w, "osName", client.OsName);
            WriteIfSet(w, "osVersion", client.OsVersion);
            WriteIfSet(w, "clientScreen", client.ClientScreen);
            WriteIfSet(w, "userAgent", client.UserAgent);
            if (client.AndroidSdkVersion is { } sdk)
            {
                w.WriteNumber("androidSdkVersion", sdk);
            }

            // English reasons let PlayerFailures tell a bot check from an age gate.
            w.WriteString("hl", "en");
            w.WriteString("gl", "US");
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

    private static void WriteIfSet(Utf8JsonWriter w, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            w.WriteString(name, value);
        }
    }
}

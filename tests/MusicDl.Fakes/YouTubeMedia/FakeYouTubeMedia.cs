using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace MusicDl.Fakes.YouTubeMedia;

/// <summary>
/// The YouTube player endpoint and its media server on a <see cref="FakeHost"/>: player answers per video and client
/// in the real shape (playabilityStatus, streamingData.adaptiveFormats with urls back to this fake), and media with
/// <c>&amp;range=</c> and HTTP Range support from files ffmpeg generated for the run. Faults go through the routes
/// (<see cref="MediaRoute"/>.Fail: 403, a cut, latency) and <see cref="MediaChunkDelay"/> (a slow stream).
/// Like YouTube in late 2026 it can insist on visitor data (<see cref="RequireVisitorData"/>, served from
/// <c>/sw.js_data</c> and the home page) and play pre-roll ads whose media answers 403 until they have passed.
/// </summary>
public sealed partial class FakeYouTubeMedia
{
    public const string PlayerPath = "/youtubei/v1/player";
    public const string MediaPath = "/videoplayback";

    private readonly ConcurrentDictionary<string, FakeVideo> _videos = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _fileBytes = new(StringComparer.Ordinal);

    private FakeYouTubeMedia(FakeHost host, FakeAudioFiles files)
    {
        Host = host;
        Files = files;
        PlayerRoute = host.MapPost(PlayerPath, AnswerPlayerAsync);
        MediaRoute = host.MapGet(MediaPath, ServeMediaAsync);
        SwJsDataRoute = host.MapGet(SwJsDataPath, ServeSwJsDataAsync);
        HomeRoute = host.MapGet("/", ServeHomePageAsync);
    }

    /// <summary>The clock of the ad windows (a FakeTimeProvider shared with the code under test, or the system's).</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    public FakeHost Host { get; }

    public FakeAudioFiles Files { get; }

    /// <summary>How long the served audio is; the player answer announces this length, as YouTube's does.</summary>
    public int AudioSeconds { get; set; } = 1;

    public FakeRoute PlayerRoute { get; }

    public FakeRoute MediaRoute { get; }

    /// <summary>Player requests in arrival order.</summary>
    public ConcurrentQueue<FakePlayerRequest> PlayerRequests { get; } = new();

    /// <summary>Media requests in arrival order ("itag=251 range=0-4095").</summary>
    public ConcurrentQueue<string> MediaRequests { get; } = new();

    /// <summary>A pause between 1 KiB media chunks: a slow stream.</summary>
    public TimeSpan MediaChunkDelay { get; set; }

    public static async Task<FakeYouTubeMedia> StartAsync(FakeHost host, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        var files = await FakeAudioFiles.GetAsync(cancellationToken).ConfigureAwait(false);
        return new FakeYouTubeMedia(host, files);
    }

    /// <summary>While true, every player answer is YouTube's session limit, whatever the video (as the real one does for about an hour).</summary>
    public bool SessionLimited { get; set; }

    public FakeVideo AddVideo(string id, FakePlayerBehaviour behaviour = FakePlayerBehaviour.Playable)
    {
        var video = new FakeVideo(id) { Behaviour = behaviour };
        _videos[id] = video;
        return video;
    }

    /// <summary>The exact bytes the media route serves for an itag.</summary>
    public byte[] BytesFor(int itag) => _fileBytes.GetOrAdd(Files.ForItag(itag), File.ReadAllBytes);

    private static (string Status, string Reason)? Refusal(FakePlayerBehaviour behaviour, string clientName) => behaviour switch
    {
        FakePlayerBehaviour.Removed => ("ERROR", "This video has been removed by the uploader"),

        // Made for kids: the mobile-style clients are refused; the embedded and TV clients (yt-dlp's, with JavaScript) play it.
        FakePlayerBehaviour.MadeForKids when clientName is not ("WEB_EMBEDDED_PLAYER" or "TVHTML5") => ("UNPLAYABLE", "This video is unavailable"),
        FakePlayerBehaviour.Unplayable => ("UNPLAYABLE", "The uploader has not made this video available in your country"),
        FakePlayerBehaviour.Unavailable => ("ERROR", "Video unavailable"),
        FakePlayerBehaviour.LoginRequired => ("LOGIN_REQUIRED", "Please sign in"),
        FakePlayerBehaviour.BotCheck => ("LOGIN_REQUIRED", "Sign in to confirm you\u2019re not a bot"),
        FakePlayerBehaviour.AgeGated => ("AGE_CHECK_REQUIRED", "Sign in to confirm your age"),
        FakePlayerBehaviour.Private => ("LOGIN_REQUIRED", "This video is private"),
        FakePlayerBehaviour.SessionLimited => ("UNPLAYABLE", "This content isn\u2019t available, try again later."),
        _ => null,
    };

    private async Task AnswerPlayerAsync(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        string videoId;
        string clientName;
        try
        {
            using var doc = JsonDocument.Parse(body);
            videoId = doc.RootElement.GetProperty("videoId").GetString() ?? "";
            clientName = doc.RootElement.GetProperty("context").GetProperty("client").GetProperty("clientName").GetString() ?? "";
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            await FakeHost.WriteJsonAsync(context, """{"error":{"code":400,"message":"Request contains an invalid argument.","status":"INVALID_ARGUMENT"}}""", 400).ConfigureAwait(false);
            return;
        }

        var headers = context.Request.Headers;
        var visitorHeader = headers["X-Goog-Visitor-Id"].FirstOrDefault();
        var contextVisitor = ContextVisitorData(body);
        var hadVisitorData = visitorHeader == IssuedVisitorData && contextVisitor == IssuedVisitorData;
        PlayerRequests.Enqueue(new FakePlayerRequest(videoId, clientName, headers["X-YouTube-Client-Name"].FirstOrDefault(), headers["X-YouTube-Client-Version"].FirstOrDefault(), headers.UserAgent.FirstOrDefault(), body)
        {
            VisitorIdHeader = visitorHeader,
            ContextVisitorData = contextVisitor,
            HadVisitorData = hadVisitorData,
        });

        var behaviour = _videos.TryGetValue(videoId, out var video) ? video.BehaviourFor(clientName) : FakePlayerBehaviour.Unavailable;
        if (RequireVisitorData && !hadVisitorData)
        {
            // What other VISIONOS implementations met in August 2026 without visitor data.
            behaviour = FakePlayerBehaviour.BotCheck;
        }

        if (SessionLimited)
        {
            behaviour = FakePlayerBehaviour.SessionLimited;
        }

        await FakeHost.WriteJsonAsync(context, BuildPlayerJson(videoId, video, behaviour, clientName)).ConfigureAwait(false);
    }

    private string BuildPlayerJson(string videoId, FakeVideo? video, FakePlayerBehaviour behaviour, string clientName)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartObject("responseContext");
            w.WriteString("visitorData", "CgtGYWtlVmlzaXRvcg%3D%3D");
            w.WriteEndObject();
            w.WriteStartObject("playabilityStatus");
            if (Refusal(behaviour, clientName) is { } refusal)
            {
                w.WriteString("status", refusal.Status);
                w.WriteString("reason", refusal.Reason);
                w.WriteStartObject("errorScreen");
                w.WriteStartObject("playerErrorMessageRenderer");
                w.WriteStartObject("reason");
                w.WriteString("simpleText", refusal.Reason);
                w.WriteEndObject(); // reason
                w.WriteEndObject(); // playerErrorMessageRenderer
                w.WriteEndObject(); // errorScreen
                w.WriteEndObject(); // playabilityStatus
            }
            else
            {
                w.WriteString("status", "OK");
                w.WriteBoolean("playableInEmbed", true);
                w.WriteEndObject();
                var ad = video!.PreRoll ?? (PreRollOnEveryVideo is { } every ? new FakePreRoll(every) : null);
                var ei = ad is null ? null : OpenAdWindow(ad);
                WriteStreamingData(w, videoId, video, behaviour, ei);
                if (ad is not null)
                {
                    WriteAd(w, ad);
                }
                w.WriteStartObject("videoDetails");
                w.WriteString("videoId", videoId);
                w.WriteString("title", "Fake " + videoId);
                w.WriteString("lengthSeconds", AudioSeconds.ToString(CultureInfo.InvariantCulture));
                w.WriteString("author", "Fake Artist - Topic");
                w.WriteBoolean("isPrivate", false);
                if (behaviour == FakePlayerBehaviour.Live)
                {
                    w.WriteBoolean("isLive", true);
                    w.WriteBoolean("isLiveContent", true);
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private void WriteStreamingData(Utf8JsonWriter w, string videoId, FakeVideo video, FakePlayerBehaviour behaviour, string? ei)
    {
        var shape = behaviour switch
        {
            FakePlayerBehaviour.CipherOnly => FormatShape.CipherOnly,
            FakePlayerBehaviour.SabrOnly => FormatShape.SabrOnly,
            FakePlayerBehaviour.Live => FormatShape.Live,
            _ => FormatShape.Plain,
        };
        w.WriteStartObject("streamingData");
        w.WriteString("expiresInSeconds", "21540");
        if (shape == FormatShape.SabrOnly)
        {
            // Where a SABR client would stream from; musicdl must not take it for a media URL.
            w.WriteString("serverAbrStreamingUrl", Host.Url($"{MediaPath}?sabr=1&id={videoId}").AbsoluteUri);
        }

        if (shape == FormatShape.Live)
        {
            w.WriteString("hlsManifestUrl", Host.Url($"{MediaPath}?hls=1&id={videoId}").AbsoluteUri);
        }

        w.WriteStartArray("adaptiveFormats");

        // A video-only format first, as real answers list video before audio.
        WriteFormat(w, videoId, 137, "video/mp4; codecs=\"avc1.640028\"", 1_568_057, 1_500_000, 200_000, shape, drc: false, video: true, ei);
        foreach (var itag in video.Itags)
        {
            var (mime, peak, average) = itag switch
            {
                251 => ("audio/webm; codecs=\"opus\"", 160_000, 140_000),
                250 => ("audio/webm; codecs=\"opus\"", 80_000, 70_000),
                249 => ("audio/webm; codecs=\"opus\"", 56_000, 50_000),
                141 => ("audio/mp4; codecs=\"mp4a.40.2\"", 260_000, 256_000),
                _ => ("audio/mp4; codecs=\"mp4a.40.2\"", 133_187, 129_474),
            };
            var length = video.AnnouncedLength(itag) ?? BytesFor(itag).LongLength;
            WriteFormat(w, videoId, itag, mime, peak, average, length, shape, drc: false, video: false, ei);
            if (video.WithDrcDuplicates)
            {
                WriteFormat(w, videoId, itag, mime, peak, average, length, shape, drc: true, video: false, ei);
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private enum FormatShape
    {
        Plain,
        CipherOnly,
        SabrOnly,
        Live,
    }

    private void WriteFormat(Utf8JsonWriter w, string videoId, int itag, string mime, int peak, int average, long length, FormatShape shape, bool drc, bool video, string? ei)
    {
        var url = Host.Url(string.Create(CultureInfo.InvariantCulture, $"{MediaPath}?expire=1767400000&ei={ei ?? "x"}&id={videoId}&itag={itag}&source=youtube&mime={Uri.EscapeDataString(mime.Split(';')[0])}&clen={length}{(drc ? "&drc=1" : "")}")).AbsoluteUri;
        w.WriteStartObject();
        w.WriteNumber("itag", itag);
        if (shape == FormatShape.CipherOnly)
        {
            w.WriteString("signatureCipher", "s=" + new string('A', 40) + "&sp=sig&url=" + Uri.EscapeDataString(url));
        }
        else if (shape != FormatShape.SabrOnly)
        {
            // SABR-only formats carry neither a url nor a signatureCipher.
            w.WriteString("url", url);
        }

        w.WriteString("mimeType", mime);
        w.WriteNumber("bitrate", peak);
        w.WriteStartObject("initRange");
        w.WriteString("start", "0");
        w.WriteString("end", "258");
        w.WriteEndObject();
        w.WriteString("lastModified", "1767369055130614");
        if (shape != FormatShape.Live)
        {
            // A live stream has no end, so no length.
            w.WriteString("contentLength", length.ToString(CultureInfo.InvariantCulture));
        }

        w.WriteString("quality", "tiny");
        w.WriteString("projectionType", "RECTANGULAR");
        w.WriteNumber("averageBitrate", average);
        if (video)
        {
            w.WriteNumber("width", 1920);
            w.WriteNumber("height", 1080);
        }
        else
        {
            w.WriteBoolean("highReplication", true);
            w.WriteString("audioQuality", average >= 100_000 ? "AUDIO_QUALITY_MEDIUM" : "AUDIO_QUALITY_LOW");
            w.WriteString("audioSampleRate", itag is 251 or 250 or 249 ? "48000" : "44100");
            w.WriteNumber("audioChannels", 2);
            w.WriteNumber("loudnessDb", -3.06);
            if (drc)
            {
                w.WriteBoolean("isDrc", true);
            }
        }

        if (shape != FormatShape.Live)
        {
            w.WriteString("approxDurationMs", ((AudioSeconds * 1000) + 1).ToString(CultureInfo.InvariantCulture));
        }

        w.WriteEndObject();
    }

    private async Task ServeMediaAsync(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var query = context.Request.Query;
        if (!int.TryParse(query["itag"].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var itag) || itag == 137)
        {
            context.Response.StatusCode = 404;
            return;
        }

        if (InAdWindow(query["ei"].FirstOrDefault()))
        {
            // YouTube refuses the media while the pre-roll ad would still be playing.
            Interlocked.Increment(ref _mediaRequestsInAdWindow);
            MediaRequests.Enqueue($"itag={itag} refused: ad window");
            OnAdWindowRefusal?.Invoke();
            context.Response.StatusCode = 403;
            return;
        }

        var bytes = BytesFor(itag);
        long from = 0;
        long to = bytes.LongLength - 1;
        var partial = false;
        var rangeParam = query["range"].FirstOrDefault();
        var rangeHeader = context.Request.Headers.Range.FirstOrDefault();
        if (rangeParam is not null && !TryParseRange(rangeParam, ref from, ref to))
        {
            context.Response.StatusCode = 400;
            return;
        }

        if (rangeParam is null && rangeHeader is not null && rangeHeader.StartsWith("bytes=", StringComparison.Ordinal))
        {
            if (!TryParseRange(rangeHeader["bytes=".Length..], ref from, ref to))
            {
                context.Response.StatusCode = 400;
                return;
            }

            partial = true;
        }

        MediaRequests.Enqueue($"itag={itag} range={rangeParam ?? rangeHeader ?? "all"}");
        if (from >= bytes.LongLength || from > to)
        {
            context.Response.StatusCode = 416;
            context.Response.Headers.ContentRange = $"bytes */{bytes.LongLength}";
            return;
        }

        to = Math.Min(to, bytes.LongLength - 1);
        var count = (int)(to - from + 1);
        context.Response.StatusCode = partial ? 206 : 200;
        if (partial)
        {
            context.Response.Headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes {from}-{to}/{bytes.LongLength}");
        }

        context.Response.ContentType = itag is 251 or 250 or 249 ? "audio/webm" : "audio/mp4";
        context.Response.ContentLength = count;
        const int chunk = 1024;
        for (var offset = 0; offset < count; offset += chunk)
        {
            if (MediaChunkDelay > TimeSpan.Zero)
            {
                await Task.Delay(MediaChunkDelay, context.RequestAborted).ConfigureAwait(false);
            }

            await context.Response.Body.WriteAsync(bytes.AsMemory((int)from + offset, Math.Min(chunk, count - offset)), context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static bool TryParseRange(string text, ref long from, ref long to)
    {
        var parts = text.Split('-');
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var f))
        {
            return false;
        }

        from = f;
        if (parts[1].Length > 0)
        {
            if (!long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                return false;
            }

            to = t;
        }

        return true;
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace MusicDl.Fakes.YouTubeMedia;

/// <summary>The visitor data side of the fake: <c>GET /sw.js_data</c>, the home page's ytcfg, and the check on player calls.</summary>
public sealed partial class FakeYouTubeMedia
{
    public const string SwJsDataPath = "/sw.js_data";

    /// <summary>The visitor data the fake hands out (URL-encoded base64, as YouTube's looks).</summary>
    public const string IssuedVisitorData = "CgtGYWtlVmlzaXRvcijA2pHJBg%3D%3D";

    /// <summary>Answer player calls that lack the issued visitor data (header and context) with "confirm you're not a bot".</summary>
    public bool RequireVisitorData { get; set; }

    public FakeRoute SwJsDataRoute { get; }

    public FakeRoute HomeRoute { get; }

    /// <summary>Visitor data fetches over both sources.</summary>
    public int VisitorDataFetches => SwJsDataRoute.Count + HomeRoute.Count;

    private static string? ContextVisitorData(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.GetProperty("context").GetProperty("client").TryGetProperty("visitorData", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    // The service worker data: an XSSI guard line, then nested arrays with the visitor data at [0][2][0][0][13].
    private static Task ServeSwJsDataAsync(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        var inner = new object?[] { "ytconfig", null, null, null, 1, "en", "US", null, null, 0, null, null, null, IssuedVisitorData, "2.20261128.01.00" };
        var json = JsonSerializer.Serialize(new object?[] { new object?[] { "yt.sw.adr", null, new object?[] { new object?[] { inner } } } });
        context.Response.ContentType = "text/javascript; charset=utf-8";
        return context.Response.WriteAsync(")]}'\n" + json, context.RequestAborted);
    }

    /// <summary>Where the home page keeps its visitor data (default: as 2026 pages do).</summary>
    public FakeHomePageVisitorData HomePageVisitorData { get; set; } = FakeHomePageVisitorData.InnerTubeContext;

    private Task ServeHomePageAsync(HttpContext context, IReadOnlyDictionary<string, string> values)
    {
        // JSON inside the page escapes '=' as \u003d, as YouTube's pages do.
        var value = "\"" + IssuedVisitorData.Replace("=", "\\u003d", StringComparison.Ordinal) + "\"";
        var config = HomePageVisitorData switch
        {
            // 2026: the value in INNERTUBE_CONTEXT.client, no top-level VISITOR_DATA; SBOX_SETTINGS happens to repeat it.
            FakeHomePageVisitorData.InnerTubeContext =>
                "\"INNERTUBE_CONTEXT\":{\"client\":{\"hl\":\"en\",\"gl\":\"US\",\"visitorData\":" + value + ",\"clientName\":\"WEB\",\"clientVersion\":\"2.20261128.01.00\"}},"
                + "\"SBOX_SETTINGS\":{\"HAS_ON_SCREEN_KEYBOARD\":false,\"VISITOR_DATA\":" + value + "},",
            FakeHomePageVisitorData.OlderKey => "\"VISITOR_DATA\":" + value + ",",
            _ => "\"INNERTUBE_CONTEXT\":{\"client\":{\"hl\":\"en\",\"gl\":\"US\",\"clientName\":\"WEB\"}},",
        };
        var initialData = HomePageVisitorData == FakeHomePageVisitorData.ResponseContextOnly
            ? "<script nonce=\"x\">var ytInitialData = {\"responseContext\":{\"serviceTrackingParams\":[],\"visitorData\":" + value + "},\"contents\":{}};</script>"
            : string.Empty;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(
            "<!DOCTYPE html><html><head><script nonce=\"x\">var ytcfg={d:function(){}};</script>"
            + "<script nonce=\"x\">ytcfg.set({\"CLIENT_CANARY_STATE\":\"none\",\"HL\":\"en\",\"GL\":\"US\",\"INNERTUBE_CLIENT_NAME\":\"WEB\","
            + config + "\"INNERTUBE_CLIENT_VERSION\":\"2.20261128.01.00\"});"
            + "window.ytcfg.obfuscatedData_ = [];</script>" + initialData + "</head><body></body></html>",
            context.RequestAborted);
    }
}

/// <summary>Where the fake home page keeps its visitor data.</summary>
public enum FakeHomePageVisitorData
{
    /// <summary>2026: <c>INNERTUBE_CONTEXT.client.visitorData</c> (and <c>SBOX_SETTINGS.VISITOR_DATA</c>), no top-level key.</summary>
    InnerTubeContext,

    /// <summary>Before 2026: a top-level <c>VISITOR_DATA</c>.</summary>
    OlderKey,

    /// <summary>Only in the embedded InnerTube answer's <c>responseContext.visitorData</c>.</summary>
    ResponseContextOnly,

    /// <summary>Nowhere.</summary>
    None,
}

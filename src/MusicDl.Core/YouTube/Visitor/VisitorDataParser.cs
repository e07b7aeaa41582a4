using System.Text.Json;
using System.Text.RegularExpressions;

namespace MusicDl.YouTube.Visitor;

/// <summary>Reads visitor data from sw.js_data, a page's ytcfg.set({...}) and InnerTube answers.</summary>
internal static partial class VisitorDataParser
{
    private const string XssiPrefix = ")]}'";

    /// <summary>
    /// The value at <c>[0][2][0][0][13]</c> of the JSON that follows the <c>)]}'</c> line of
    /// <c>GET /sw.js_data</c>; null when the answer has another shape.
    /// </summary>
    public static string? FromSwJsData(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var body = text.TrimStart();
        if (body.StartsWith(XssiPrefix, StringComparison.Ordinal))
        {
            var newline = body.IndexOf('\n', StringComparison.Ordinal);
            body = newline < 0 ? string.Empty : body[(newline + 1)..];
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            var e = doc.RootElement;
            foreach (var index in new[] { 0, 2, 0, 0, 13 })
            {
                if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() <= index)
                {
                    return null;
                }

                e = e[index];
            }

            return e.ValueKind == JsonValueKind.String && e.GetString() is { Length: > 0 } value ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Visitor data from a YouTube page, where 2026 pages keep it first: <c>INNERTUBE_CONTEXT.client.visitorData</c> of a
    /// <c>ytcfg.set({...})</c>; then the older keys (a top-level <c>VISITOR_DATA</c>, <c>SBOX_SETTINGS.VISITOR_DATA</c>); then
    /// <c>responseContext.visitorData</c> of an InnerTube answer embedded in the page. Null when none is there.
    /// </summary>
    public static string? FromPage(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var configs = new List<JsonDocument>();
        try
        {
            for (var at = html.IndexOf("ytcfg.set(", StringComparison.Ordinal); at >= 0; at = html.IndexOf("ytcfg.set(", at + 1, StringComparison.Ordinal))
            {
                if (ObjectAt(html, at + "ytcfg.set(".Length) is { } text && TryParse(text) is { } doc)
                {
                    configs.Add(doc);
                }
            }

            string[][] paths = [["INNERTUBE_CONTEXT", "client", "visitorData"], ["VISITOR_DATA"], ["SBOX_SETTINGS", "VISITOR_DATA"]];
            foreach (var path in paths)
            {
                foreach (var config in configs)
                {
                    if (StringAt(config.RootElement, path) is { } value)
                    {
                        return value;
                    }
                }
            }
        }
        finally
        {
            foreach (var config in configs)
            {
                config.Dispose();
            }
        }

        // A blob that is not plain JSON (a page built otherwise): the older key as text.
        if (html.Contains("ytcfg.set(", StringComparison.Ordinal) && VisitorDataField().Match(html) is { Success: true } match && Unquote(match.Groups["value"].Value) is { } field)
        {
            return field;
        }

        return FromAnswer(html);
    }

    /// <summary><c>responseContext.visitorData</c> of the first InnerTube answer in <paramref name="text"/> (a page or an answer).</summary>
    public static string? FromAnswer(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var at = text.IndexOf("\"responseContext\"", StringComparison.Ordinal); at >= 0; at = text.IndexOf("\"responseContext\"", at + 1, StringComparison.Ordinal))
        {
            var colon = text.IndexOf(':', at + "\"responseContext\"".Length);
            if (colon < 0 || ObjectAt(text, colon + 1) is not { } context)
            {
                continue;
            }

            using var doc = TryParse(context);
            if (doc is not null && StringAt(doc.RootElement, ["visitorData"]) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    private static string? StringAt(JsonElement e, string[] path)
    {
        foreach (var name in path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out e))
            {
                return null;
            }
        }

        return e.ValueKind == JsonValueKind.String && e.GetString() is { Length: > 0 } value ? value : null;
    }

    private static JsonDocument? TryParse(string text)
    {
        try
        {
            return JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Unquote(string json)
    {
        try
        {
            // The value is a JSON string: let the JSON reader undo escapes such as \u003d.
            return JsonSerializer.Deserialize<string>(json, VisitorJsonContext.Default.String) is { Length: > 0 } value ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The balanced <c>{...}</c> starting at the first non-blank character from <paramref name="from"/>, strings respected.</summary>
    private static string? ObjectAt(string text, int from)
    {
        var start = from;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        if (start >= text.Length || text[start] != '{')
        {
            return null;
        }

        var depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && --depth == 0)
            {
                return text[start..(i + 1)];
            }
        }

        return null;
    }

    [GeneratedRegex("\"VISITOR_DATA\"\\s*:\\s*(?<value>\"(?:[^\"\\\\]|\\\\.)*\")", RegexOptions.CultureInvariant)]
    private static partial Regex VisitorDataField();
}

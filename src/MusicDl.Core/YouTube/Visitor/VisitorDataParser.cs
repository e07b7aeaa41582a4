using System.Text.Json;
using System.Text.RegularExpressions;

namespace MusicDl.YouTube.Visitor;

/// <summary>Reads visitor data from the two places yt-dlp takes it: sw.js_data and a page's ytcfg.set({...}).</summary>
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

    /// <summary><c>VISITOR_DATA</c> from the <c>ytcfg.set({...})</c> blob of a YouTube page; null when absent.</summary>
    public static string? FromPage(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var start = html.IndexOf("ytcfg.set(", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var match = VisitorDataField().Match(html, start);
        if (!match.Success)
        {
            return null;
        }

        try
        {
            // The value is a JSON string: let the JSON reader undo escapes such as \u003d.
            return JsonSerializer.Deserialize<string>(match.Groups["value"].Value, VisitorJsonContext.Default.String) is { Length: > 0 } value ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex("\"VISITOR_DATA\"\\s*:\\s*(?<value>\"(?:[^\"\\\\]|\\\\.)*\")", RegexOptions.CultureInvariant)]
    private static partial Regex VisitorDataField();
}

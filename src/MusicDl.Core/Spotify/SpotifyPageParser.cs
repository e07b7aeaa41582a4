using System.Globalization;
using System.Text.Json;
using MusicDl.Models;

namespace MusicDl.Spotify;

/// <summary>
/// Reads the one thing musicdl takes from a public embed page: the entity in its <c>__NEXT_DATA__</c> JSON
/// (<c>props.pageProps.state.data.entity</c>, protocols.md). Nothing else of the page is read; in particular not
/// the anonymous web-player token it carries, which Spotify's terms forbid using.
/// </summary>
internal static class SpotifyPageParser
{
    private const string ScriptMarker = "id=\"__NEXT_DATA__\"";

    /// <summary>The entity, or null when the page has none (missing or private: "not public, or does not exist").</summary>
    /// <exception cref="Http.ServiceException">Unparseable (<see cref="SpotifyFailure.PageChanged"/>): no <c>__NEXT_DATA__</c>, or JSON of another shape.</exception>
    public static SpotifyPageEntity? Parse(string html, string kind)
    {
        ArgumentNullException.ThrowIfNull(html);
        var json = NextData(html) ?? throw SpotifyFailure.PageChanged("no __NEXT_DATA__ script");
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
            if (!TryGet(doc.RootElement, out var pageProps, "props", "pageProps"))
            {
                throw SpotifyFailure.PageChanged("no props.pageProps");
            }

            if (!TryGet(pageProps, out var entity, "state", "data", "entity") || entity.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return ReadEntity(entity, kind);
        }
        catch (JsonException ex)
        {
            throw SpotifyFailure.PageChanged("__NEXT_DATA__ is not JSON", ex);
        }
        catch (InvalidOperationException ex)
        {
            // A property of another JSON type than the page has always had (GetString on a number, say).
            throw SpotifyFailure.PageChanged($"unexpected value: {ex.Message}", ex);
        }
    }

    private static string? NextData(string html)
    {
        var marker = html.IndexOf(ScriptMarker, StringComparison.Ordinal);
        if (marker < 0)
        {
            return null;
        }

        var start = html.IndexOf('>', marker);
        var end = start < 0 ? -1 : html.IndexOf("</script>", start, StringComparison.OrdinalIgnoreCase);
        return end < 0 ? null : html[(start + 1)..end];
    }

    private static SpotifyPageEntity ReadEntity(JsonElement entity, string kind)
    {
        var type = Text(entity, "type") ?? throw SpotifyFailure.PageChanged("the entity has no type");
        if (!string.Equals(type, kind, StringComparison.Ordinal))
        {
            throw SpotifyFailure.PageChanged($"a {kind} page describes a '{type}'");
        }

        var name = Text(entity, "name") ?? Text(entity, "title") ?? throw SpotifyFailure.PageChanged("the entity has no name");
        var items = new List<SpotifyPageItem>();
        if (entity.TryGetProperty("trackList", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object)
                {
                    items.Add(new SpotifyPageItem(
                        Text(item, "uri") ?? string.Empty,
                        Text(item, "title") ?? string.Empty,
                        Text(item, "subtitle"),
                        Int(item, "duration"),
                        Bool(item, "isExplicit") ?? false,
                        Bool(item, "isPlayable") ?? true));
                }
            }
        }
        else if (kind != "track")
        {
            throw SpotifyFailure.PageChanged($"the {kind} has no trackList");
        }

        return new SpotifyPageEntity(
            type,
            Text(entity, "id") ?? IdOf(Text(entity, "uri")),
            name,
            Text(entity, "subtitle"),
            Artists(entity),
            Cover(entity),
            ReleaseDate(entity),
            Int(entity, "duration"),
            Bool(entity, "isExplicit") ?? false,
            Bool(entity, "isPlayable") ?? true,
            items);
    }

    private static IReadOnlyList<ArtistRef> Artists(JsonElement entity)
    {
        if (!entity.TryGetProperty("artists", out var artists) || artists.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return artists.EnumerateArray()
            .Where(a => a.ValueKind == JsonValueKind.Object && !string.IsNullOrWhiteSpace(Text(a, "name")))
            .Select(a => new ArtistRef(IdOf(Text(a, "uri")), Text(a, "name")!))
            .ToArray();
    }

    private static IReadOnlyList<ImageRef> Cover(JsonElement entity)
    {
        JsonElement sources;
        if (!TryGet(entity, out sources, "coverArt", "sources") && !TryGet(entity, out sources, "visualIdentity", "image"))
        {
            return [];
        }

        if (sources.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return sources.EnumerateArray()
            .Where(s => s.ValueKind == JsonValueKind.Object && Text(s, "url") is { Length: > 0 })
            .Select(s => new ImageRef(Text(s, "url")!, NullableInt(s, "width") ?? NullableInt(s, "maxWidth"), NullableInt(s, "height") ?? NullableInt(s, "maxHeight")))
            .OrderByDescending(i => (i.Width ?? 0) * (i.Height ?? 0))
            .ToArray();
    }

    // {isoString: "2021-03-19T00:00:00Z"} -> "2021-03-19".
    private static string? ReleaseDate(JsonElement entity)
    {
        if (!entity.TryGetProperty("releaseDate", out var date) || date.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var iso = Text(date, "isoString");
        return iso is not null && DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>"spotify:track:ID" -> ID (null when it is no Spotify id).</summary>
    public static string? IdOf(string? uri)
    {
        var id = uri?[(uri.LastIndexOf(':') + 1)..];
        return SpotifyId.IsValid(id) ? id : null;
    }

    private static bool TryGet(JsonElement element, out JsonElement found, params string[] path)
    {
        found = element;
        foreach (var name in path)
        {
            if (found.ValueKind != JsonValueKind.Object || !found.TryGetProperty(name, out found))
            {
                return false;
            }
        }

        return found.ValueKind is not JsonValueKind.Null and not JsonValueKind.Undefined;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s : null;

    private static int Int(JsonElement element, string name) => NullableInt(element, name) ?? 0;

    private static int? NullableInt(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= 0 ? n : null;

    private static bool? Bool(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;
}

/// <summary>What a public page says of a track, album or playlist.</summary>
internal sealed record SpotifyPageEntity(
    string Type,
    string? Id,
    string Name,
    string? Subtitle,
    IReadOnlyList<ArtistRef> Artists,
    IReadOnlyList<ImageRef> Cover,
    string? ReleaseDate,
    int DurationMs,
    bool Explicit,
    bool Playable,
    IReadOnlyList<SpotifyPageItem> Items);

/// <summary>One <c>trackList</c> entry: <c>subtitle</c> is the artists joined by ", ".</summary>
internal sealed record SpotifyPageItem(string Uri, string Title, string? Subtitle, int DurationMs, bool Explicit, bool Playable);

using System.Text.Json;

namespace MusicDl.YouTube.Search;

/// <summary>Null-tolerant walking of InnerTube JSON, whose nesting changes often and whose fields are often missing.</summary>
internal static class JsonNav
{
    /// <summary>Follows property names (string) and array indexes (int); null when any step is missing.</summary>
    public static JsonElement? At(this JsonElement element, params object[] path)
    {
        var current = element;
        foreach (var step in path)
        {
            switch (step)
            {
                case string name when current.ValueKind == JsonValueKind.Object && current.TryGetProperty(name, out var child):
                    current = child;
                    break;
                case int index when current.ValueKind == JsonValueKind.Array && index < current.GetArrayLength():
                    current = current[index];
                    break;
                default:
                    return null;
            }
        }

        return current;
    }

    public static JsonElement? At(this JsonElement? element, params object[] path) => element?.At(path);

    public static string? String(this JsonElement? element) =>
        element is { ValueKind: JsonValueKind.String } e ? e.GetString() : null;

    public static IEnumerable<JsonElement> Items(this JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Array } e ? e.EnumerateArray() : [];

    /// <summary>The first property name of an object ("musicShelfRenderer" of a section).</summary>
    public static string? Kind(this JsonElement element) =>
        element.ValueKind == JsonValueKind.Object ? element.EnumerateObject().Select(p => p.Name).FirstOrDefault() : null;
}

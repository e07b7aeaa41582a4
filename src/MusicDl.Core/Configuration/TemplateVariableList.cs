using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace MusicDl.Configuration;

/// <summary>
/// The path-template variables of issue 3, kept in this one place so validation can defer to the library's
/// PathTemplate (MusicDl.Library) once both are merged, without touching the callers of
/// <see cref="SettingsValidator"/>.
/// </summary>
public static partial class TemplateVariableList
{
    /// <summary>Every documented variable, without braces.</summary>
    public static IReadOnlyList<string> Known { get; } =
    [
        "title", "artist", "artists", "album", "album-artist", "track-number", "disc-number", "tracks-count",
        "disc-count", "year", "date", "genre", "isrc", "track-id", "playlist", "playlist-position", "output-ext",
    ];

    /// <summary>spotDL's names, accepted as aliases.</summary>
    public static IReadOnlyDictionary<string, string> Aliases { get; } = new Dictionary<string, string>
    {
        ["list-name"] = "playlist",
        ["list-position"] = "playlist-position",
    }.ToFrozenDictionary();

    private static readonly FrozenSet<string> All = Known.Concat(Aliases.Keys).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The first problem with a template's variables, or null when every one is known and braces balance.</summary>
    public static string? FindProblem(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var unknown = new List<string>();
        foreach (Match m in Variable().Matches(template))
        {
            var name = m.Groups[1].Value;
            if (!All.Contains(name))
            {
                unknown.Add("{" + name + "}");
            }
        }

        if (unknown.Count > 0)
        {
            return $"unknown template variable{(unknown.Count > 1 ? "s" : string.Empty)} {string.Join(", ", unknown)}; "
                + $"known: {string.Join(' ', Known.Select(k => "{" + k + "}"))}";
        }

        // Left over braces after removing the variables mean an unclosed or stray one.
        var rest = Variable().Replace(template, string.Empty);
        return rest.Contains('{', StringComparison.Ordinal) || rest.Contains('}', StringComparison.Ordinal)
            ? "unbalanced '{' or '}' in template"
            : null;
    }

    [GeneratedRegex(@"\{([^{}]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Variable();
}

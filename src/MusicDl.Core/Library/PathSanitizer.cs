using System.Text;
using System.Text.RegularExpressions;

namespace MusicDl.Library;

/// <summary>
/// Makes metadata safe as one path component on every OS: no separators or reserved characters,
/// no leading or trailing dots and spaces, no Windows device names, NFC, at most 255 UTF-8 bytes.
/// </summary>
public static partial class PathSanitizer
{
    /// <summary>The longest component most file systems accept, in UTF-8 bytes.</summary>
    public const int MaxComponentBytes = 255;

    /// <summary>Room kept in file names for the collision suffix the library may add (" (999)").</summary>
    public const int SuffixReserveBytes = 6;

    private const char Replacement = '_';

    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³",
    };

    /// <summary>
    /// Replaces what may not appear inside a component: both separators, <c>&lt;&gt;:"|?*</c> and control characters.
    /// Applied to every variable value, so "AC/DC" or "../../etc" can never add a directory level.
    /// </summary>
    public static string ReplaceInvalidCharacters(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        foreach (var c in value.Normalize(NormalizationForm.FormC))
        {
            builder.Append(IsInvalid(c) ? Replacement : c);
        }

        return builder.ToString();
    }

    /// <summary>Makes a whole component safe; <paramref name="reservedBytes"/> are kept free for an extension and suffix.</summary>
    public static string SanitizeComponent(string component, int reservedBytes = 0)
    {
        var text = ReplaceInvalidCharacters(component);
        text = CollapseEmpties(text);
        text = TrimDotsAndSpaces(text);
        text = TruncateUtf8(text, MaxComponentBytes - reservedBytes);

        // Cutting may expose a trailing space or dot again.
        text = TrimDotsAndSpaces(text);
        return AvoidReservedName(text);
    }

    /// <summary>Removes the leftovers of empty values: doubled separators, dangling " - ", empty brackets.</summary>
    public static string CollapseEmpties(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = EmptyBrackets().Replace(text, string.Empty);
        text = RepeatedDashes().Replace(text, " - ");
        text = MultipleSpaces().Replace(text, " ");
        text = DanglingEdges().Replace(text, string.Empty);
        return text;
    }

    public static string TrimDotsAndSpaces(string text) => text.Trim().Trim('.', ' ');

    /// <summary>Windows refuses device names even with an extension ("NUL.mp3"): such a stem gets an underscore.</summary>
    public static string AvoidReservedName(string component)
    {
        ArgumentNullException.ThrowIfNull(component);
        var dot = component.IndexOf('.', StringComparison.Ordinal);
        var stem = dot < 0 ? component : component[..dot];
        return ReservedNames.Contains(stem.TrimEnd(' ')) ? stem.TrimEnd(' ') + Replacement + component[stem.Length..] : component;
    }

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="maxBytes"/> UTF-8 bytes on a character (surrogate pair) boundary.</summary>
    public static string TruncateUtf8(string text, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        var bytes = 0;
        var end = 0;
        var enumerator = System.Globalization.StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var element = (string)enumerator.Current;
            var size = Encoding.UTF8.GetByteCount(element);
            if (bytes + size > maxBytes)
            {
                break;
            }

            bytes += size;
            end += element.Length;
        }

        return text[..end];
    }

    private static bool IsInvalid(char c) =>
        char.IsControl(c) || c is '/' or '\\' or '<' or '>' or ':' or '"' or '|' or '?' or '*';

    [GeneratedRegex(@"\(\s*\)|\[\s*\]|\{\s*\}")]
    private static partial Regex EmptyBrackets();

    [GeneratedRegex(@"\s*-\s*(?:-\s*)+")]
    private static partial Regex RepeatedDashes();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex MultipleSpaces();

    [GeneratedRegex(@"^[\s\-,;]+|[\s\-,;]+$")]
    private static partial Regex DanglingEdges();
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MusicDl.YouTube.Matching;

/// <summary>
/// Brings titles and names to a comparable form: NFKD, no accents, lower case, Cyrillic and Greek
/// in Latin letters, punctuation as spaces, "&amp;"/"and"/"x"/"with" joiners and "feat." credits removed.
/// </summary>
public static partial class TextNormalizer
{
    /// <summary>Lower-case, accent-free, transliterated words separated by single spaces.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var raw in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(raw);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            var c = char.ToLowerInvariant(raw);
            if (Transliteration.Of(c) is { } latin)
            {
                sb.Append(latin);
            }
            else if (c is 'ß')
            {
                sb.Append("ss");
            }
            else if (c is 'ø')
            {
                sb.Append('o');
            }
            else if (c is 'æ')
            {
                sb.Append("ae");
            }
            else if (c is '&' or '+')
            {
                sb.Append(" and ");
            }
            else if (c is '\'' or '’' or '`' or '´')
            {
                // "Don't" and "Dont" are the same word.
                continue;
            }
            else if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
                if (IsIdeographic(c))
                {
                    // Scripts without spaces: each character is a word of its own.
                    sb.Append(' ');
                }
            }
            else
            {
                sb.Append(' ');
            }
        }

        return Spaces().Replace(sb.ToString(), " ").Trim();
    }

    /// <summary>The words of <see cref="Normalize"/>, joiners ("and", "x", "with", "feat"...) left out.</summary>
    public static IReadOnlyList<string> Words(string? text)
    {
        var all = Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var words = all.Where(w => !Joiners.Contains(w)).ToArray();
        // A title or name made only of joiners ("X", "The The") is itself.
        return words.Length > 0 ? words : all;
    }

    /// <summary>
    /// The title without credits and decoration: "(feat. X)", "[with Y]", " - Z Remix" stay only when they
    /// name a version (kept by <see cref="VersionWords"/>), "ft. X" tails, "(Official Video)" and similar.
    /// </summary>
    public static string CleanTitle(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return string.Empty;
        }

        var t = FeatBracket().Replace(title, " ");
        t = FeatTail().Replace(t, " ");
        t = Decoration().Replace(t, " ");
        return Normalize(t);
    }

    /// <summary>The same key the search cache uses: NFKC, lower case, trimmed, spaces collapsed.</summary>
    public static string CacheKey(string query) =>
        Spaces().Replace(query.Normalize(NormalizationForm.FormKC).ToLowerInvariant(), " ").Trim();

    internal static readonly HashSet<string> Joiners = new(StringComparer.Ordinal)
    {
        "and", "x", "with", "feat", "ft", "featuring", "vs", "the",
    };

    private static bool IsIdeographic(char c) =>
        c is >= '\u3040' and <= '\u30ff' // kana
        or >= '\u3400' and <= '\u9fff' // CJK
        or >= '\uac00' and <= '\ud7af' // Hangul syllables
        or >= '\uf900' and <= '\ufaff';

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    // "(feat. A)", "[ft. A & B]", "(with A)", full-width brackets too.
    [GeneratedRegex(@"[\(\[\{（【]\s*(feat\.?|ft\.?|featuring|with|prod\.?)\s[^\)\]\}）】]*[\)\]\}）】]", RegexOptions.IgnoreCase)]
    private static partial Regex FeatBracket();

    // "Song feat. A", "Song ft. A" up to a bracket or " - ".
    [GeneratedRegex(@"\s(feat\.?|ft\.?|featuring)\s.*?(?=[\(\[\{]|\s-\s|$)", RegexOptions.IgnoreCase)]
    private static partial Regex FeatTail();

    // Video decoration that says nothing about the recording.
    [GeneratedRegex(@"[\(\[\{【]\s*(official\s*)?(music\s*|lyrics?\s*|audio\s*|visuali[sz]er\s*|hd\s*|hq\s*|4k\s*|video\s*|clip\s*|mv\s*|m/v\s*|explicit\s*|clean\s*)+[\)\]\}】]|\|.*$|\bofficial\s+(music\s+)?(video|audio)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Decoration();
}

using System.Text.RegularExpressions;

namespace MusicDl.Lyrics;

/// <summary>
/// The fallback title for a lyrics look-up: Spotify's title without what LRCLIB's records rarely carry, a version
/// suffix ("- Remastered 2011", "- Live", "- Radio Edit") and a credit ("(feat. X)", "[with Y]").
/// </summary>
public static partial class TitleCleaner
{
    public static string Clean(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        var text = Credit().Replace(title, string.Empty);
        text = Remaster().Replace(text, string.Empty);
        text = Suffix().Replace(text, string.Empty);
        return Spaces().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"\s*[\(\[]\s*(?:feat\.?|ft\.?|featuring|with)\s[^\)\]]*[\)\]]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Credit();

    [GeneratedRegex(@"\s*[\(\[][^\)\]]*remaster[^\)\]]*[\)\]]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Remaster();

    // Spotify appends versions after " - "; a title that starts with a dash keeps it.
    [GeneratedRegex(@"(?<=\S)\s+-\s+.*$", RegexOptions.CultureInvariant)]
    private static partial Regex Suffix();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}

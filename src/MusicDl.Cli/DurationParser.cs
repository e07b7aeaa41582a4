using System.Globalization;
using System.Text.RegularExpressions;

namespace MusicDl.Cli;

/// <summary>
/// Parses durations such as <c>90</c> (seconds), <c>90s</c>, <c>30m</c>, <c>1h30m</c>, <c>2d</c>, up to
/// <see cref="Longest"/>: anything beyond a year is bad usage, not a TimeSpan overflow.
/// </summary>
internal static partial class DurationParser
{
    public static readonly TimeSpan Longest = TimeSpan.FromDays(365);

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = text.Trim().ToLowerInvariant();
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            if (seconds < 0 || double.IsNaN(seconds) || seconds > Longest.TotalSeconds)
            {
                return false;
            }

            duration = TimeSpan.FromSeconds(seconds);
            return true;
        }

        var match = Pattern().Match(t);
        if (!match.Success || match.Length == 0)
        {
            return false;
        }

        double total = 0;
        foreach (Capture c in match.Groups["part"].Captures)
        {
            var unit = c.Value[^1];
            var n = double.Parse(c.Value[..^1], CultureInfo.InvariantCulture);
            total += unit switch
            {
                'd' => n * 86400,
                'h' => n * 3600,
                'm' => n * 60,
                _ => n,
            };
        }

        if (total > Longest.TotalSeconds)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(total);
        return true;
    }

    [GeneratedRegex(@"^(?<part>\d+(\.\d+)?[dhms])+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

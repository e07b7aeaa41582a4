using System.Globalization;

namespace MusicDl.YouTube.Search;

/// <summary>Reads "m:ss" and "h:mm:ss" durations, the only language-free duration text InnerTube sends.</summary>
internal static class DurationText
{
    public static TimeSpan? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Trim().Split(':');
        if (parts.Length is < 2 or > 3)
        {
            return null;
        }

        var seconds = 0;
        foreach (var part in parts)
        {
            if (part.Length is 0 or > 2 || !part.All(char.IsAsciiDigit))
            {
                return null;
            }

            seconds = (seconds * 60) + int.Parse(part, CultureInfo.InvariantCulture);
        }

        return TimeSpan.FromSeconds(seconds);
    }
}

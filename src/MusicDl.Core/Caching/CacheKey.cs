using System.Globalization;

namespace MusicDl.Caching;

/// <summary>Composite cache keys: parts joined by the unit separator, a character no title or name holds.</summary>
public static class CacheKey
{
    public static string Join(params string[] parts) => string.Join('\u001f', parts);

    /// <summary>A name compared without case (null: empty).</summary>
    public static string Folded(string? text) => (text ?? string.Empty).ToUpperInvariant();

    /// <summary>A length in whole seconds, as the lookup services match lengths.</summary>
    public static string Seconds(TimeSpan length) => ((int)Math.Round(length.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}

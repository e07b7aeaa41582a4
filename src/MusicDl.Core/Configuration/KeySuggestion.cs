namespace MusicDl.Configuration;

/// <summary>"did you mean" for unknown keys: a typo in a cron config should be easy to spot.</summary>
internal static class KeySuggestion
{
    public static string For(string unknown, IEnumerable<string> known)
    {
        var best = known
            .Select(k => (Key: k, Distance: Distance(unknown.ToLowerInvariant(), k)))
            .Where(k => k.Distance <= Math.Max(1, Math.Min(3, k.Key.Length / 4)))
            .OrderBy(k => k.Distance)
            .ThenBy(k => k.Key, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Key is null ? string.Empty : $"; did you mean '{best.Key}'?";
    }

    // Plain Levenshtein distance; keys are short, so the quadratic table is fine.
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}

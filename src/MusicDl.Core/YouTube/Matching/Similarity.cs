namespace MusicDl.YouTube.Matching;

/// <summary>String similarity on normalised text, 0..1.</summary>
internal static class Similarity
{
    /// <summary>The best of word overlap (Dice) and edit-distance ratio, so both reordered words and typos score.</summary>
    public static double Of(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return a.Count == b.Count ? 1 : 0;
        }

        return Math.Max(Dice(a, b), Ratio(string.Concat(a), string.Concat(b)));
    }

    /// <summary>How much of <paramref name="needle"/>'s words appear in <paramref name="haystack"/> (0..1).</summary>
    public static double Coverage(IReadOnlyList<string> needle, IReadOnlyList<string> haystack)
    {
        if (needle.Count == 0)
        {
            return 0;
        }

        var pool = haystack.ToList();
        var hit = 0;
        foreach (var w in needle)
        {
            var i = pool.IndexOf(w);
            if (i >= 0)
            {
                hit++;
                pool.RemoveAt(i);
            }
        }

        return (double)hit / needle.Count;
    }

    /// <summary>Word overlap; words of four letters or more that differ by a letter in five still count ("colour", "color").</summary>
    public static double Dice(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var pool = b.ToList();
        var common = 0;
        foreach (var w in a)
        {
            var i = pool.IndexOf(w);
            if (i < 0 && w.Length >= 4)
            {
                i = pool.FindIndex(p => p.Length >= 4 && Ratio(w, p) >= 0.8);
            }

            if (i >= 0)
            {
                common++;
                pool.RemoveAt(i);
            }
        }

        return 2.0 * common / (a.Count + b.Count);
    }

    /// <summary>1 - Levenshtein distance / longer length.</summary>
    public static double Ratio(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length == b.Length ? 1 : 0;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return 1.0 - ((double)previous[b.Length] / Math.Max(a.Length, b.Length));
    }
}

namespace MusicDl.YouTube.Matching;

/// <summary>
/// Words that mark a different recording than the original (live, remix, cover...). A candidate with
/// one of them is rejected unless the Spotify title has it too.
/// </summary>
public static class VersionWords
{
    // Phrases are matched as whole normalised word sequences.
    private static readonly string[][] Phrases =
    [
        ["live"], ["remix"], ["rmx"], ["cover"], ["instrumental"], ["karaoke"], ["slowed"], ["sped", "up"], ["speed", "up"],
        ["reverb"], ["8d"], ["nightcore"], ["daycore"], ["acoustic"], ["acapella"], ["a", "cappella"], ["acappella"],
        ["bass", "boosted"], ["unplugged"], ["demo"], ["mashup"], ["bootleg"], ["piano", "version"], ["orchestral"],
        ["lofi"], ["lo", "fi"], ["tribute"], ["chipmunk"], ["1", "hour"], ["10", "hours"], ["extended", "mix"], ["reprise"],
    ];

    /// <summary>The version words found in <paramref name="candidateText"/> that <paramref name="spotifyText"/> lacks.</summary>
    public static IReadOnlyList<string> Unrequested(string spotifyText, string candidateText)
    {
        var wanted = TextNormalizer.Normalize(spotifyText).Split(' ');
        var offered = TextNormalizer.Normalize(candidateText).Split(' ');
        var found = new List<string>();
        foreach (var phrase in Phrases)
        {
            if (Contains(offered, phrase) && !Contains(wanted, phrase))
            {
                found.Add(string.Join(' ', phrase));
            }
        }

        return found;
    }

    /// <summary>The version phrases <paramref name="text"/> has.</summary>
    public static IReadOnlyList<string> In(string text)
    {
        var words = TextNormalizer.Normalize(text).Split(' ');
        return Phrases.Where(p => Contains(words, p)).Select(p => string.Join(' ', p)).ToArray();
    }

    /// <summary>Whether <paramref name="word"/> is part of a version phrase.</summary>
    public static bool IsVersionWord(string word) => Phrases.Any(p => p.Contains(word, StringComparer.Ordinal));

    private static bool Contains(string[] words, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= words.Length; i++)
        {
            var all = true;
            for (var j = 0; j < phrase.Length && all; j++)
            {
                // Plurals count: an album called "Covers" or "Remixes" asks for covers and remixes.
                var w = words[i + j];
                all = string.Equals(w, phrase[j], StringComparison.Ordinal)
                    || (w.Length == phrase[j].Length + 1 && w[^1] == 's' && w.StartsWith(phrase[j], StringComparison.Ordinal));
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }
}

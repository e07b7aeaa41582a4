using System.Collections.Frozen;

namespace MusicDl.YouTube.Matching;

/// <summary>
/// Latin spellings of Cyrillic and Greek letters (simple, ISO 9 / ELOT-like), so "Кино" meets "Kino".
/// Scripts without a letter-by-letter mapping (CJK, kana, Hangul) are compared as written.
/// </summary>
internal static class Transliteration
{
    private static readonly FrozenDictionary<char, string> Map = Build();

    public static string? Of(char c) => Map.TryGetValue(c, out var latin) ? latin : null;

    private static FrozenDictionary<char, string> Build()
    {
        var map = new Dictionary<char, string>();
        void Add(string from, params string[] to)
        {
            for (var i = 0; i < from.Length; i++)
            {
                map[from[i]] = to[i];
            }
        }

        Add("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
            "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "yi", "ye", "g");
        Add("αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ",
            "a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p", "r", "s", "s", "t", "y", "f", "ch", "ps", "o", "a", "e", "i", "i", "o", "y", "o", "i", "y", "i", "y");
        return map.ToFrozenDictionary();
    }
}

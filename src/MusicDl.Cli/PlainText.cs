using System.Globalization;
using System.Text;

namespace MusicDl.Cli;

/// <summary>
/// Text from the services made safe for the tab-separated plain output: a newline, tab or NUL in a title would forge
/// an extra result line or column (or put a raw NUL on a terminal), so control characters are shown escaped.
/// </summary>
internal static class PlainText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(char.IsControl))
        {
            return text ?? string.Empty;
        }

        var result = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            result.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
                _ => c.ToString(),
            });
        }

        return result.ToString();
    }
}

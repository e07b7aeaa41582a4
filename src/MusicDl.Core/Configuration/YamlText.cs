using System.Globalization;
using System.Text;

namespace MusicDl.Configuration;

/// <summary>Renders setting values as YAML scalars, so <c>config check</c> output is itself a loadable config.</summary>
internal static class YamlText
{
    public const string Null = "~";

    public static string Quote(string? value)
    {
        if (value is null)
        {
            return Null;
        }

        var sb = new StringBuilder("\"");
        foreach (var c in value)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "true" : "false";

    public static string Seconds(TimeSpan value) => SettingsValidator.Format(value);

    public static string List(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Quote)) + "]";
}

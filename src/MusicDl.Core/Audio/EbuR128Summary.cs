using System.Globalization;
using System.Text.RegularExpressions;

namespace MusicDl.Audio;

/// <summary>
/// Reads the summary ffmpeg's <c>ebur128</c> filter logs when it ends ("Summary: ... I: -19.6 LUFS ... Peak: -0.4 dBFS").
/// </summary>
public static partial class EbuR128Summary
{
    /// <summary>The filter as musicdl runs it: true peak on, the per-frame lines kept out of the info log.</summary>
    public const string Filter = "ebur128=peak=true:framelog=verbose";

    public static Loudness? Parse(string stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        var at = stderr.LastIndexOf("Summary:", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var summary = stderr[at..];
        var integrated = Integrated().Match(summary);
        var peak = Peak().Match(summary);
        return integrated.Success && peak.Success
            ? new Loudness(Number(integrated.Groups[1].Value), Number(peak.Groups[1].Value))
            : null;
    }

    private static double Number(string text) => text switch
    {
        "-inf" => double.NegativeInfinity,
        "inf" => double.PositiveInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"\bI:\s+(-?inf|-?\d+(?:\.\d+)?)\s+LUFS", RegexOptions.CultureInvariant)]
    private static partial Regex Integrated();

    [GeneratedRegex(@"\bPeak:\s+(-?inf|-?\d+(?:\.\d+)?)\s+dBFS", RegexOptions.CultureInvariant)]
    private static partial Regex Peak();
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace MusicDl.Audio;

/// <summary>
/// Reads what ffmpeg's <c>ebur128</c> filter reports. Its closing summary ("I: -19.6 LUFS ... Peak: -0.4 dBFS") has one
/// decimal, too coarse for gains written with two; the filter's frame metadata (<c>lavfi.r128.I</c>, three decimals,
/// and <c>lavfi.r128.true_peak</c>, a linear ratio with three) is printed by <c>ametadata</c> for every 100 ms frame,
/// and the last frame's values are the whole track's. The summary is the fallback when no frame line came.
/// </summary>
public static partial class EbuR128Summary
{
    /// <summary>
    /// The filter chain as musicdl runs it: true peak on, the meter's own per-frame lines kept out of the info log
    /// (<c>framelog=verbose</c>), the integrated loudness and true peak printed (info level) from each frame's metadata.
    /// </summary>
    public const string Filter =
        "ebur128=peak=true:framelog=verbose:metadata=1,ametadata=mode=print:key=lavfi.r128.I,ametadata=mode=print:key=lavfi.r128.true_peak";

    /// <summary>
    /// Below this ratio (-20 dBFS) the metadata's three decimals say less than the summary's one decimal in dB, so the
    /// summary's peak is taken instead.
    /// </summary>
    private const double LinearPeakFloor = 0.1;

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
        if (!integrated.Success || !peak.Success)
        {
            return null;
        }

        var lufs = LastValue(FrameIntegrated(), stderr) ?? Number(integrated.Groups[1].Value);
        var peakDb = Number(peak.Groups[1].Value);
        if (LastValue(FrameTruePeak(), stderr) is { } ratio && ratio >= LinearPeakFloor)
        {
            peakDb = 20 * Math.Log10(ratio);
        }

        return new Loudness(lufs, peakDb);
    }

    private static double? LastValue(Regex pattern, string stderr)
    {
        Match? last = null;
        for (var m = pattern.Match(stderr); m.Success; m = m.NextMatch())
        {
            last = m;
        }

        return last is null ? null : Number(last.Groups[1].Value);
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

    [GeneratedRegex(@"lavfi\.r128\.I=(-?inf|-?\d+(?:\.\d+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex FrameIntegrated();

    [GeneratedRegex(@"lavfi\.r128\.true_peak=(-?inf|-?\d+(?:\.\d+)?)", RegexOptions.CultureInvariant)]
    private static partial Regex FrameTruePeak();
}

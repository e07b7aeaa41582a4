using System.Globalization;
using MusicDl.Audio;

namespace MusicDl.Tagging;

/// <summary>ReplayGain values as tags carry them, whatever the user's culture: "-6.54 dB", "0.988525", Opus "-1234".</summary>
public static class ReplayGainText
{
    public static string Gain(Loudness loudness)
    {
        ArgumentNullException.ThrowIfNull(loudness);
        return loudness.ReplayGainDb.ToString("0.00", CultureInfo.InvariantCulture) + " dB";
    }

    public static string Peak(Loudness loudness)
    {
        ArgumentNullException.ThrowIfNull(loudness);
        return loudness.PeakRatio.ToString("0.000000", CultureInfo.InvariantCulture);
    }

    public static string R128Gain(Loudness loudness)
    {
        ArgumentNullException.ThrowIfNull(loudness);
        return loudness.R128GainQ78.ToString(CultureInfo.InvariantCulture);
    }
}

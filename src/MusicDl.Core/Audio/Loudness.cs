namespace MusicDl.Audio;

/// <summary>
/// A track's EBU R128 integrated loudness (LUFS) and true peak (dBFS, <see cref="double.NegativeInfinity"/> for
/// silence), as ffmpeg's <c>ebur128</c> filter measures them; what ReplayGain 2.0 and Opus R128 tags are made of.
/// </summary>
public sealed record Loudness(double IntegratedLufs, double TruePeakDbfs)
{
    /// <summary>ReplayGain 2.0's reference loudness.</summary>
    public const double ReplayGainReference = -18.0;

    /// <summary>The loudness RFC 7845 (Opus) gains aim at.</summary>
    public const double R128Reference = -23.0;

    /// <summary>The gain that brings the track to -18 LUFS, in dB.</summary>
    public double ReplayGainDb => ReplayGainReference - IntegratedLufs;

    /// <summary>The true peak as a linear ratio of full scale (1.0 = 0 dBFS).</summary>
    public double PeakRatio => double.IsNegativeInfinity(TruePeakDbfs) ? 0 : Math.Pow(10, TruePeakDbfs / 20);

    /// <summary>RFC 7845's <c>R128_*_GAIN</c>: a Q7.8 fixed-point gain (1/256 dB steps) to reach -23 LUFS.</summary>
    public short R128GainQ78 => (short)Math.Clamp(Math.Round((R128Reference - IntegratedLufs) * 256, MidpointRounding.AwayFromZero), short.MinValue, short.MaxValue);

    /// <summary>
    /// An album's loudness from its tracks': their energies weighted by length (close to measuring the album as one
    /// stream, without decoding it again), and the highest peak.
    /// </summary>
    public static Loudness Album(IReadOnlyList<(Loudness Loudness, TimeSpan Duration)> tracks)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        if (tracks.Count == 0)
        {
            throw new ArgumentException("an album has at least one track", nameof(tracks));
        }

        var seconds = tracks.Sum(t => Math.Max(t.Duration.TotalSeconds, 0.001));
        var energy = tracks.Sum(t => Math.Max(t.Duration.TotalSeconds, 0.001) * Math.Pow(10, t.Loudness.IntegratedLufs / 10));
        return new Loudness(Math.Round(10 * Math.Log10(energy / seconds), 2), tracks.Max(t => t.Loudness.TruePeakDbfs));
    }
}

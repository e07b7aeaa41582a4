using MusicDl.Audio;

namespace MusicDl.Tests.Audio;

public sealed class LoudnessTests
{
    private const string Summary = """
        [info] size=      24kB time=00:00:03.00 bitrate=  65.2kbits/s speed=57.4x
        [Parsed_ebur128_0 @ 0x556b6875b200] [info] Summary:

          Integrated loudness:
            I:         -11.5 LUFS
            Threshold: -21.5 LUFS

          Loudness range:
            LRA:        20.0 LU
            Threshold: -42.2 LUFS
            LRA low:   -42.2 LUFS
            LRA high:  -22.2 LUFS

          True peak:
            Peak:        0.4 dBFS
        """;

    [Fact]
    public void The_ebur128_summary_gives_integrated_loudness_and_true_peak()
    {
        var loudness = EbuR128Summary.Parse(Summary);

        Assert.Equal(new Loudness(-11.5, 0.4), loudness);
        Assert.Equal(-6.5, loudness!.ReplayGainDb, 6);
        Assert.Equal(1.047129, loudness.PeakRatio, 6);
    }

    [Fact]
    public void The_last_frames_metadata_gives_the_loudness_to_the_hundredth_where_the_summary_has_tenths()
    {
        const string frames = """
            [Parsed_ametadata_1 @ 0x1] [info] lavfi.r128.I=-70.000
            [Parsed_ametadata_2 @ 0x2] [info] lavfi.r128.true_peak=0.501
            [Parsed_ametadata_1 @ 0x1] [info] lavfi.r128.I=-11.463
            [Parsed_ametadata_2 @ 0x2] [info] lavfi.r128.true_peak=0.988
            """;

        var loudness = EbuR128Summary.Parse(frames + Summary);

        Assert.Equal(-11.463, loudness!.IntegratedLufs, 6);
        Assert.Equal("-6.54 dB", MusicDl.Tagging.ReplayGainText.Gain(loudness));
        Assert.Equal("0.988000", MusicDl.Tagging.ReplayGainText.Peak(loudness));
    }

    [Fact]
    public void A_quiet_peak_comes_from_the_summary_where_three_linear_decimals_say_less()
    {
        var frames = "[Parsed_ametadata_2 @ 0x2] [info] lavfi.r128.true_peak=0.012\n";

        var loudness = EbuR128Summary.Parse(frames + Summary.Replace("0.4 dBFS", "-38.5 dBFS", StringComparison.Ordinal));

        Assert.Equal(-38.5, loudness!.TruePeakDbfs, 6);
    }

    [Fact]
    public void Silence_has_no_peak_and_no_summary_is_no_measure()
    {
        Assert.Equal(0, EbuR128Summary.Parse(Summary.Replace("0.4 dBFS", "-inf dBFS", StringComparison.Ordinal))!.PeakRatio);
        Assert.Null(EbuR128Summary.Parse("[error] something failed"));
    }

    [Theory]
    [InlineData(-23.0, 0)]
    [InlineData(-11.46, -2954)]
    [InlineData(-30.0, 1792)]
    [InlineData(-200.0, short.MaxValue)]
    public void Opus_R128_gain_is_Q7_8_relative_to_minus_23_LUFS(double lufs, short expected) =>
        Assert.Equal(expected, new Loudness(lufs, 0).R128GainQ78);

    [Fact]
    public void Album_loudness_weights_track_energies_by_length_and_keeps_the_highest_peak()
    {
        var album = Loudness.Album([(new Loudness(-10, -1), TimeSpan.FromMinutes(3)), (new Loudness(-20, 0.5), TimeSpan.FromMinutes(3))]);

        // Equal lengths: 10*log10((10^-1 + 10^-2) / 2) = -12.60 LUFS, louder than the plain mean of -15.
        Assert.Equal(-12.60, album.IntegratedLufs, 2);
        Assert.Equal(0.5, album.TruePeakDbfs);
    }
}

using MusicDl.Audio;

namespace MusicDl.Tests.Audio;

public sealed class FfmpegProgressTests
{
    // As ffmpeg 5.1 prints it for a 3-s mp3: a first report, then the closing one after the trailer.
    private const string TwoReports = """
        bitrate=N/A
        total_size=429
        out_time_us=0
        out_time_ms=0
        out_time=00:00:00.000000
        progress=continue
        bitrate= 129.8kbits/s
        total_size=48813
        out_time_us=3008479
        out_time_ms=3008479
        out_time=00:00:03.008479
        speed= 113x
        progress=end

        """;

    [Fact]
    public void The_closing_report_gives_the_audio_written_and_the_bytes()
    {
        var report = FfmpegProgress.ParseFinal(TwoReports);

        Assert.Equal(new FfmpegProgress(TimeSpan.FromTicks(30_084_790), 48813), report);
    }

    [Fact]
    public void Reports_without_the_closing_one_say_nothing()
    {
        var cut = TwoReports[..TwoReports.IndexOf("progress=end", StringComparison.Ordinal)];

        Assert.Null(FfmpegProgress.ParseFinal(cut));
        Assert.Null(FfmpegProgress.ParseFinal(""));
        Assert.Null(FfmpegProgress.ParseFinal("garbage\n"));
    }

    [Theory]
    [InlineData("total_size=100\nout_time_us=N/A\nprogress=end\n")]
    [InlineData("total_size=N/A\nout_time_us=1000\nprogress=end\n")]
    [InlineData("out_time_us=1000\nprogress=end\n")]
    [InlineData("total_size=100\nout_time_us=-5\nprogress=end\n")]
    public void A_closing_report_without_a_readable_length_or_size_says_nothing(string stdout)
    {
        Assert.Null(FfmpegProgress.ParseFinal(stdout));
    }

    [Fact]
    public void Values_of_an_earlier_report_do_not_complete_the_closing_one()
    {
        Assert.Null(FfmpegProgress.ParseFinal("total_size=100\nout_time_us=1000\nprogress=continue\nout_time_us=2000\nprogress=end\n"));
    }
}

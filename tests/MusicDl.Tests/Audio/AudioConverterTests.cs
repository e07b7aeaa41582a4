using MusicDl.Audio;
using MusicDl.Configuration;
using MusicDl.Fakes.YouTubeMedia;
using MusicDl.Tests.TestSupport;

namespace MusicDl.Tests.Audio;

public sealed class AudioConverterTests : IAsyncLifetime
{
    private static readonly SourceAudio Opus = new(AudioCodec.Opus, 140, "webm");
    private static readonly SourceAudio Aac = new(AudioCodec.Aac, 128, "m4a");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "musicdl-convert-" + Guid.NewGuid().ToString("N"));
    private FakeAudioFiles _files = null!;
    private AudioConverter _converter = null!;
    private AudioProbe _probe = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _files = await FakeAudioFiles.GetAsync();
        _converter = AudioConverter.Locate(new MusicDlSettings(), TestHost.PathVariable);
        _probe = AudioProbe.TryLocate(new MusicDlSettings(), TestHost.PathVariable) ?? throw new InvalidOperationException("ffprobe is needed by these tests");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private string Input(string source) => source == "opus" ? _files.OpusWebm : _files.AacM4a;

    // The temporary name carries no final extension, as the library helper's do.
    private string Output => Path.Combine(_folder, "track.tmp");

    [Theory]
    [InlineData(AudioFormat.Mp3, "opus", "128k", "mp3", "mp3")]
    [InlineData(AudioFormat.Mp3, "aac", "disable", "mp3", "mp3")]
    [InlineData(AudioFormat.M4a, "aac", "auto", "aac", "mov,mp4,m4a,3gp,3g2,mj2")]
    [InlineData(AudioFormat.M4a, "opus", "128k", "aac", "mov,mp4,m4a,3gp,3g2,mj2")]
    [InlineData(AudioFormat.Opus, "opus", "auto", "opus", "ogg")]
    [InlineData(AudioFormat.Opus, "aac", "96k", "opus", "ogg")]
    [InlineData(AudioFormat.Ogg, "opus", "auto", "vorbis", "ogg")]
    [InlineData(AudioFormat.Flac, "opus", "auto", "flac", "flac")]
    [InlineData(AudioFormat.Wav, "aac", "auto", "pcm_s16le", "wav")]
    public async Task Each_output_format_is_a_file_ffprobe_reads_with_the_right_codec_and_duration(AudioFormat format, string source, string bitrate, string codec, string container)
    {
        Assert.True(Bitrate.TryParse(bitrate, out var b));

        var result = await _converter.ConvertAsync(Input(source), Output, format, b, source == "opus" ? Opus : Aac);

        var probe = await _probe.ProbeAsync(result.OutputPath);
        Assert.Equal(codec, probe.CodecName);
        Assert.Equal(container, probe.FormatName);
        Assert.InRange(probe.Duration.TotalSeconds, 0.9, 1.2);
    }

    [Fact]
    public async Task A_fixed_mp3_bitrate_is_what_the_file_gets()
    {
        await _converter.ConvertAsync(_files.OpusWebm, Output, AudioFormat.Mp3, Bitrate.Fixed(96), Opus);

        Assert.Equal(96, (await _probe.ProbeAsync(Output)).BitrateKbps);
    }

    [Theory]
    [InlineData(AudioFormat.Opus, "opus")]
    [InlineData(AudioFormat.M4a, "aac")]
    public async Task A_stream_copy_keeps_every_audio_packet_unchanged(AudioFormat format, string source)
    {
        var input = Input(source);

        var result = await _converter.ConvertAsync(input, Output, format, Bitrate.Auto, source == "opus" ? Opus : Aac);

        Assert.True(result.Plan.StreamCopy);
        Assert.Contains("copy", result.Arguments);
        Assert.Equal(await FfmpegTestTools.AudioPacketMd5Async(input), await FfmpegTestTools.AudioPacketMd5Async(Output));
        Assert.Equal((await _probe.ProbeAsync(input)).CodecName, (await _probe.ProbeAsync(Output)).CodecName);
    }

    [Fact]
    public async Task A_source_without_codec_or_rate_is_probed_before_planning()
    {
        var result = await _converter.ConvertAsync(_files.AacM4a, Output, AudioFormat.M4a, Bitrate.Fixed(256), new SourceAudio(AudioCodec.Unknown, null, "m4a"));

        Assert.Equal(AudioCodec.Aac, result.Source!.Codec);
        Assert.InRange(result.Source.BitrateKbps!.Value, 100, 160);
        Assert.True(result.Plan.StreamCopy);
    }

    [Fact]
    public async Task A_lower_fixed_rate_re_encodes_and_the_packets_differ()
    {
        var result = await _converter.ConvertAsync(_files.OpusWebm, Output, AudioFormat.Opus, Bitrate.Fixed(48), Opus);

        Assert.False(result.Plan.StreamCopy);
        Assert.NotEqual(await FfmpegTestTools.AudioPacketMd5Async(_files.OpusWebm), await FfmpegTestTools.AudioPacketMd5Async(Output));
        Assert.True(new FileInfo(Output).Length < new FileInfo(_files.OpusWebm).Length);
    }

    [Fact]
    public async Task A_failed_conversion_says_why_and_leaves_no_output()
    {
        var notAudio = Path.Combine(_folder, "not-audio.webm");
        await File.WriteAllTextAsync(notAudio, "this is not a media file");

        var ex = await Assert.ThrowsAsync<ConversionFailedException>(() => _converter.ConvertAsync(notAudio, Output, AudioFormat.Mp3, Bitrate.Fixed(128), Opus));

        Assert.Contains("ffmpeg failed converting to mp3", ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public async Task A_complete_source_is_converted_and_checked_with_no_ffprobe_run()
    {
        // A probe that fails whenever it runs: the conversion succeeds only if ffmpeg's own report did the check.
        var converter = new AudioConverter(_converter.FfmpegPath, new AudioProbe(FakeTool("ffprobe", "echo 'ffprobe ran' >&2\nexit 1\n")));

        var result = await converter.ConvertAsync(_files.OpusWebm, Output, AudioFormat.Mp3, Bitrate.Fixed(128), Opus with { Duration = TimeSpan.FromSeconds(1) });

        Assert.InRange((await _probe.ProbeAsync(result.OutputPath)).Duration.TotalSeconds, 0.9, 1.2);
    }

    [Fact]
    public async Task A_download_shorter_than_the_player_said_fails_naming_both_lengths_and_leaves_no_output()
    {
        var ex = await Assert.ThrowsAsync<ConversionFailedException>(() =>
            _converter.ConvertAsync(_files.OpusWebm, Output, AudioFormat.Mp3, Bitrate.Fixed(128), Opus with { Duration = TimeSpan.FromSeconds(10) }));

        Assert.Equal("ffmpeg wrote 1.0 s of audio where the download has 10.0 s", ex.Message);
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public async Task Without_ffprobe_a_download_shorter_than_the_player_said_still_fails_on_ffmpegs_own_report()
    {
        var converter = new AudioConverter(_converter.FfmpegPath, probe: null);

        var ex = await Assert.ThrowsAsync<ConversionFailedException>(() =>
            converter.ConvertAsync(_files.OpusWebm, Output, AudioFormat.Mp3, Bitrate.Fixed(128), Opus with { Duration = TimeSpan.FromSeconds(10) }));

        Assert.Equal("ffmpeg wrote 1.0 s of audio where the download has 10.0 s", ex.Message);
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public async Task An_output_cut_after_ffmpeg_reported_it_is_read_back_with_ffprobe_and_fails()
    {
        // ffmpeg's report no longer matches the file on disk, so the file itself is read: ten seconds cut to a few.
        var input = TenSecondsOfOpus();
        var cutting = FakeTool("ffmpeg", $"for last; do :; done\n'{_converter.FfmpegPath}' \"$@\" || exit $?\ntruncate -s 40000 \"$last\"\n");
        var converter = new AudioConverter(cutting, _probe);

        var ex = await Assert.ThrowsAsync<ConversionFailedException>(() =>
            converter.ConvertAsync(input, Output, AudioFormat.Opus, Bitrate.Auto, TenSecondsAnnounced));

        Assert.Matches(@"^ffmpeg wrote [0-7]\.\d s of audio where the download has 10\.0 s$", ex.Message);
        Assert.False(File.Exists(Output));
    }

    [Theory]
    [InlineData(false, true, 1_000, true)] // one output: the report is the file's
    [InlineData(false, false, 1_000, true)]
    [InlineData(true, true, 950, true)] // beside the meter, a copy weighing what the download weighs
    [InlineData(true, true, 500, false)] // beside the meter, a copy of half the download: ffprobe reads it
    [InlineData(true, false, 1_000, false)] // beside the meter, a lossless re-encode: its weight says nothing
    public void Ffmpegs_report_stands_for_the_file_only_where_it_can(bool besideMeter, bool streamCopy, long reportedBytes, bool vouches)
    {
        var plan = new ConversionPlan([], "ogg", streamCopy);

        Assert.Equal(vouches, AudioConverter.ReportVouches(new FfmpegProgress(TimeSpan.FromSeconds(10), reportedBytes), besideMeter, plan, inputBytes: 1_000));
        Assert.False(AudioConverter.ReportVouches(null, besideMeter, plan, inputBytes: 1_000));
    }

    [Fact]
    public async Task A_complete_stream_copy_beside_the_loudness_meter_is_checked_with_no_ffprobe_run()
    {
        // A probe that fails whenever it runs: the copy's weight and ffmpeg's report did the check.
        var converter = new AudioConverter(_converter.FfmpegPath, new AudioProbe(FakeTool("ffprobe", "echo 'ffprobe ran' >&2\nexit 1\n")));

        var result = await converter.ConvertAsync(TenSecondsOfOpus(), Output, AudioFormat.Opus, Bitrate.Auto, TenSecondsAnnounced, measureLoudness: true);

        Assert.True(result.Plan.StreamCopy);
        Assert.NotNull(result.Loudness);
        Assert.InRange((await _probe.ProbeAsync(result.OutputPath)).Duration.TotalSeconds, 9.9, 10.1);
    }

    [Fact]
    public async Task A_short_output_beside_the_loudness_meter_is_read_back_with_ffprobe_and_fails()
    {
        // With the meter, ffmpeg has two outputs and its report's length is the longer one's (the meter read all ten
        // seconds): only the file itself can say it holds three.
        var input = TenSecondsOfOpus();
        var shortening = FakeTool("ffmpeg", $"for a; do shift; if [ \"$a\" = '{Output}' ]; then set -- \"$@\" -t 3; fi; set -- \"$@\" \"$a\"; done\nexec '{_converter.FfmpegPath}' \"$@\"\n");
        var converter = new AudioConverter(shortening, _probe);

        var ex = await Assert.ThrowsAsync<ConversionFailedException>(() =>
            converter.ConvertAsync(input, Output, AudioFormat.Opus, Bitrate.Auto, TenSecondsAnnounced, measureLoudness: true));

        Assert.Matches(@"^ffmpeg wrote [2-4]\.\d s of audio where the download has 10\.0 s$", ex.Message);
        Assert.False(File.Exists(Output));
    }

    private string FakeTool(string name, string body) => ShellTool.Write(Path.Combine(_folder, "bin"), name, body);

    private static readonly SourceAudio TenSecondsAnnounced = new(AudioCodec.Opus, 128, "webm") { Duration = TimeSpan.FromSeconds(10) };

    /// <summary>Ten seconds of Opus in WebM, as a download the player announced at ten seconds.</summary>
    private string TenSecondsOfOpus()
    {
        var input = Path.Combine(_folder, "ten.webm");
        MusicDl.Tests.Tagging.MediaTools.Ffmpeg("-nostdin", "-f", "lavfi", "-i", "sine=frequency=440:duration=10:sample_rate=48000", "-c:a", "libopus", "-b:a", "128k", "-f", "webm", input);
        return input;
    }

    [Fact]
    public async Task Cancellation_kills_ffmpeg_and_leaves_no_output()
    {
        // A FIFO that the test never finishes writing keeps ffmpeg busy until it is cancelled.
        var fifo = Path.Combine(_folder, "endless.wav");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource();
        var conversion = _converter.ConvertAsync(fifo, Output, AudioFormat.Flac, Bitrate.Auto, new SourceAudio(AudioCodec.Pcm, 1536, "wav"), cts.Token);
        await using (var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write))
        {
            await writer.WriteAsync(WavHeader(seconds: 60));
            // Feed silence a quarter second at a time until ffmpeg has probed the input and opened its output.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (!File.Exists(Output))
            {
                await writer.WriteAsync(new byte[48000], timeout.Token);
                await writer.FlushAsync(timeout.Token);
                await Task.Delay(5, timeout.Token);
            }

            await cts.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => conversion);
        }

        Assert.False(File.Exists(Output));
    }

    [Fact]
    public void A_missing_ffmpeg_gives_one_line_naming_how_to_install_it()
    {
        var ex = Assert.Throws<FfmpegNotFoundException>(() => AudioConverter.Locate(new MusicDlSettings { FfmpegPath = Path.Combine(_folder, "ffmpeg") }, TestHost.PathVariable));

        Assert.DoesNotContain('\n', ex.Message);
        Assert.Contains("apt install ffmpeg", ex.Message, StringComparison.Ordinal);
        Assert.Contains("brew install ffmpeg", ex.Message, StringComparison.Ordinal);
        Assert.Contains("winget install ffmpeg", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ffmpeg_path", ex.Message, StringComparison.Ordinal);
        Assert.Contains(_folder, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ffmpeg_missing_from_path_is_reported_as_such()
    {
        var ex = Assert.Throws<FfmpegNotFoundException>(() => AudioConverter.Locate(new MusicDlSettings(), pathVariable: _folder));

        Assert.StartsWith("ffmpeg was not found on PATH", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ffmpeg_is_found_at_a_configured_folder()
    {
        var onPath = AudioConverter.Locate(new MusicDlSettings(), TestHost.PathVariable).FfmpegPath;

        Assert.Equal(onPath, AudioConverter.Locate(new MusicDlSettings { FfmpegPath = Path.GetDirectoryName(onPath) }, TestHost.PathVariable).FfmpegPath);
    }

    private static byte[] WavHeader(int seconds)
    {
        const int rate = 48000;
        const short channels = 2;
        const short bits = 16;
        var dataLength = seconds * rate * channels * bits / 8;
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms);
        w.Write("RIFF"u8);
        w.Write(36 + dataLength);
        w.Write("WAVEfmt "u8);
        w.Write(16);
        w.Write((short)1);
        w.Write(channels);
        w.Write(rate);
        w.Write(rate * channels * bits / 8);
        w.Write((short)(channels * bits / 8));
        w.Write(bits);
        w.Write("data"u8);
        w.Write(dataLength);
        w.Flush();
        return ms.ToArray();
    }

    [Theory]
    [InlineData(AudioFormat.Opus, "opus")]
    [InlineData(AudioFormat.Flac, "opus")]
    public async Task A_copy_or_lossless_encode_is_measured_in_the_same_ffmpeg_run(AudioFormat format, string source)
    {
        var result = await _converter.ConvertAsync(Input(source), Output, format, Bitrate.Auto, source == "opus" ? Opus : Aac, measureLoudness: true);

        // One process: both outputs (the file and the meter's null output) are in one argument list.
        Assert.Single(result.Arguments, a => a == EbuR128Summary.Filter);
        Assert.Equal(2, result.Arguments.Count(a => a == "-f"));
        var measured = Assert.IsType<Loudness>(result.Loudness);
        Assert.InRange(measured.IntegratedLufs, -60, 0);

        // The written file holds the same audio: measured on its own it agrees to the hundredth.
        var again = await _converter.MeasureAsync(result.OutputPath);
        Assert.InRange(Math.Abs(again.IntegratedLufs - measured.IntegratedLufs), 0, 0.01);
        Assert.InRange((await _probe.ProbeAsync(result.OutputPath)).Duration.TotalSeconds, 0.9, 1.2);
    }

    [Theory]
    [InlineData(AudioFormat.Mp3, "aac")]
    [InlineData(AudioFormat.M4a, "opus")]
    public async Task A_lossy_re_encode_is_measured_from_the_encoded_file_not_the_source(AudioFormat format, string source)
    {
        var result = await _converter.ConvertAsync(Input(source), Output, format, Bitrate.Fixed(64), source == "opus" ? Opus : Aac, measureLoudness: true);

        // No meter beside the encoder: the value is the written file's, to the thousandth of ebur128's frame metadata.
        Assert.DoesNotContain(EbuR128Summary.Filter, result.Arguments);
        var measured = Assert.IsType<Loudness>(result.Loudness);
        var file = await _converter.MeasureAsync(result.OutputPath);
        Assert.Equal(file, measured);
    }

    [Fact]
    public async Task A_conversion_that_measures_still_reports_ffmpegs_error_line()
    {
        var notAudio = Path.Combine(_folder, "not-audio.webm");
        await File.WriteAllTextAsync(notAudio, "this is not audio");

        var ex = await Assert.ThrowsAsync<ConversionFailedException>(() => _converter.ConvertAsync(notAudio, Output, AudioFormat.Mp3, Bitrate.Fixed(128), Opus, measureLoudness: true));

        Assert.DoesNotContain("[info]", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("[error]", ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Output));
    }
}

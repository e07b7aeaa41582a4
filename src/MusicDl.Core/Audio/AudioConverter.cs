using System.Text;
using CliWrap;
using MusicDl.Configuration;

namespace MusicDl.Audio;

/// <summary>Converts a downloaded file to the output format with ffmpeg (through CliWrap).</summary>
public sealed class AudioConverter(string ffmpegPath, AudioProbe? probe = null)
{
    public string FfmpegPath { get; } = ffmpegPath;

    /// <summary>Used to learn codec and rate of a source that came without them (yt-dlp downloads).</summary>
    public AudioProbe? Probe { get; } = probe;

    /// <summary>ffmpeg from <c>ffmpeg_path</c> or the host's PATH (<paramref name="pathVariable"/>); throws <see cref="FfmpegNotFoundException"/> with install hints.</summary>
    public static AudioConverter Locate(MusicDlSettings settings, string? pathVariable)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var path = ExecutableLocator.Find("ffmpeg", settings.FfmpegPath, pathVariable)
            ?? throw new FfmpegNotFoundException(settings.FfmpegPath);
        return new AudioConverter(path, AudioProbe.TryLocate(settings, pathVariable));
    }

    /// <summary>
    /// The whole ffmpeg argument list for a plan (exposed so a dry run or a test can show it). With
    /// <paramref name="measureLoudness"/> and a plan that keeps the source's audio (stream copy, lossless), a second
    /// output decodes the same input through the EBU R128 meter into the null muxer, so ReplayGain costs no extra
    /// process; its values are logged at info level, hence the level-prefixed log from which errors are still picked
    /// out. A lossy re-encode is measured from the written file instead (<see cref="ConvertAsync(string, string, AudioFormat, Bitrate, SourceAudio, bool, CancellationToken)"/>).
    /// </summary>
    public static IReadOnlyList<string> BuildArguments(string input, string output, ConversionPlan plan, bool measureLoudness = false)
    {
        ArgumentNullException.ThrowIfNull(plan);
        measureLoudness = MetersBeside(plan, measureLoudness);
        List<string> args = ["-nostdin", "-y", "-hide_banner"];
        args.AddRange(measureLoudness ? ["-nostats", "-loglevel", "repeat+level+info"] : ["-loglevel", "error"]);

        // The closing report says how much audio went into how many bytes: the output is checked without an ffprobe
        // (beside the loudness meter only as far as ReportVouches allows).
        args.AddRange(FfmpegProgress.Arguments);
        args.AddRange(["-i", input, "-vn", "-map", "0:a:0", "-map_metadata", "-1"]);
        args.AddRange(plan.CodecArguments);

        // The muxer is explicit because the caller's temporary name need not carry the final extension.
        args.AddRange(["-f", plan.Muxer, output]);
        if (measureLoudness)
        {
            args.AddRange(MeterOutput);
        }

        return args;
    }

    /// <summary>The arguments that measure an existing file without writing anything (metadata mode).</summary>
    public static IReadOnlyList<string> BuildMeasureArguments(string input) =>
        ["-nostdin", "-hide_banner", "-nostats", "-loglevel", "repeat+level+info", "-i", input, .. MeterOutput];

    private static string[] MeterOutput => ["-map", "0:a:0", "-af", EbuR128Summary.Filter, "-f", "null", "-"];

    /// <summary>
    /// Writes <paramref name="output"/> from <paramref name="input"/>. On failure or cancellation ffmpeg is killed and
    /// no output file is left behind.
    /// </summary>
    public async Task<ConversionResult> ConvertAsync(string input, string output, AudioFormat format, Bitrate bitrate, SourceAudio source, CancellationToken cancellationToken = default) =>
        await ConvertAsync(input, output, format, bitrate, source, measureLoudness: false, cancellationToken);

    /// <summary>
    /// As <see cref="ConvertAsync(string, string, AudioFormat, Bitrate, SourceAudio, CancellationToken)"/>; with
    /// <paramref name="measureLoudness"/> the same ffmpeg run also measures the audio (<see cref="ConversionResult.Loudness"/>).
    /// </summary>
    public async Task<ConversionResult> ConvertAsync(string input, string output, AudioFormat format, Bitrate bitrate, SourceAudio source, bool measureLoudness, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(output);
        if (!File.Exists(input))
        {
            throw new FileNotFoundException($"The downloaded file to convert does not exist: {input}", input);
        }

        ArgumentNullException.ThrowIfNull(source);
        TimeSpan? length = null;
        AudioProbeResult? probedInput = null;
        if ((source.BitrateKbps is null || source.Codec == AudioCodec.Unknown) && Probe is not null)
        {
            var probed = probedInput = await Probe.ProbeAsync(input, cancellationToken);
            length = probed.Duration;
            source = source with
            {
                Codec = source.Codec == AudioCodec.Unknown ? probed.Codec : source.Codec,
                BitrateKbps = source.BitrateKbps ?? probed.BitrateKbps,
            };
        }

        var plan = ConversionPlanner.Plan(format, bitrate, source);
        var args = BuildArguments(input, output, plan, measureLoudness);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        try
        {
            var command = Cli.Wrap(FfmpegPath)
                .WithArguments(args)
                .WithValidation(CommandResultValidation.None)
                .WithStandardOutputPipe(PipeTarget.ToStringBuilder(stdout))
                .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr));
            var limit = length is { } l && l > TimeSpan.Zero ? ProcessLimit.For(l) : ProcessLimit.ForFile(new FileInfo(input).Length, source.BitrateKbps);
            var result = await ProcessLimit.ExecuteAsync(command, "ffmpeg", limit, cancellationToken);
            if (result.ExitCode != 0)
            {
                throw new ConversionFailedException($"ffmpeg failed converting to {format.ToString().ToLowerInvariant()} (exit {result.ExitCode}): {LastError(stderr)}");
            }

            var report = FfmpegProgress.ParseFinal(stdout.ToString());
            await VerifyAsync(output, ReportVouches(report, MetersBeside(plan, measureLoudness), plan, new FileInfo(input).Length) ? report : null, probedInput?.Duration ?? source.Duration, cancellationToken);
        }
        catch
        {
            FileCleanup.TryDelete(output);
            throw;
        }

        if (!measureLoudness)
        {
            return new ConversionResult(output, plan, args) { Source = source };
        }

        // ReplayGain describes the file as written: a lossy encode is measured from the encoded audio (one more decode).
        Loudness? loudness;
        try
        {
            loudness = plan.KeepsSourceAudio ? EbuR128Summary.Parse(stderr.ToString()) : await MeasureAsync(output, cancellationToken);
        }
        catch
        {
            FileCleanup.TryDelete(output);
            throw;
        }

        return new ConversionResult(output, plan, args) { Source = source, Loudness = loudness };
    }

    /// <summary>Measures an existing file's loudness (metadata mode reads the local file, no download).</summary>
    public async Task<Loudness> MeasureAsync(string input, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(input);
        var stderr = new StringBuilder();
        var result = await Cli.Wrap(FfmpegPath)
            .WithArguments(BuildMeasureArguments(input))
            .WithValidation(CommandResultValidation.None)
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr))
            .ExecuteAsync(cancellationToken);
        return result.ExitCode == 0 && EbuR128Summary.Parse(stderr.ToString()) is { } loudness
            ? loudness
            : throw new ConversionFailedException($"ffmpeg could not measure the loudness of '{Path.GetFileName(input)}' (exit {result.ExitCode}): {LastError(stderr)}");
    }

    /// <summary>
    /// The arguments that measure an album as one stream: every track decoded, joined in order
    /// and metered once, so the gating (absolute -70 LUFS, relative -10 LU of the whole) covers the album's blocks as a
    /// ReplayGain 2.0 scanner's album pass does (a length-weighted mean of track values is off by a dB when tracks differ).
    /// </summary>
    public static IReadOnlyList<string> BuildAlbumMeasureArguments(IReadOnlyList<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0)
        {
            throw new ArgumentException("an album has at least one track", nameof(inputs));
        }

        List<string> args = ["-nostdin", "-hide_banner", "-nostats", "-loglevel", "repeat+level+info"];
        foreach (var input in inputs)
        {
            args.AddRange(["-i", input]);
        }

        // concat negotiates one sample format, rate and layout for its inputs itself (resampling only a track that differs).
        var graph = new StringBuilder();
        for (var i = 0; i < inputs.Count; i++)
        {
            graph.Append(System.Globalization.CultureInfo.InvariantCulture, $"[{i}:a:0]");
        }

        graph.Append(System.Globalization.CultureInfo.InvariantCulture, $"concat=n={inputs.Count}:v=0:a=1,{EbuR128Summary.Filter}");
        args.AddRange(["-filter_complex", graph.ToString(), "-f", "null", "-"]);
        return args;
    }

    /// <summary>Measures the files of an album as one stream (see <see cref="BuildAlbumMeasureArguments"/>).</summary>
    public async Task<Loudness> MeasureAlbumAsync(IReadOnlyList<string> inputs, CancellationToken cancellationToken = default)
    {
        var args = BuildAlbumMeasureArguments(inputs);
        var stderr = new StringBuilder();
        var result = await Cli.Wrap(FfmpegPath)
            .WithArguments(args)
            .WithValidation(CommandResultValidation.None)
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr))
            .ExecuteAsync(cancellationToken);
        return result.ExitCode == 0 && EbuR128Summary.Parse(stderr.ToString()) is { } loudness
            ? loudness
            : throw new ConversionFailedException($"ffmpeg could not measure the album of '{Path.GetFileName(inputs[0])}' (exit {result.ExitCode}): {LastError(stderr)}");
    }

    /// <summary>
    /// An image (JPEG or PNG, <paramref name="png"/> saying which) scaled down to at most <paramref name="maxSide"/>
    /// pixels a side, its aspect kept, in the same format. ffmpeg runs under the probe's time limit; it works in a
    /// temporary folder removed afterwards.
    /// </summary>
    /// <exception cref="ConversionFailedException">ffmpeg could not read or write the image.</exception>
    public async Task<byte[]> ScaleImageAsync(byte[] image, bool png, int maxSide, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        var folder = Directory.CreateTempSubdirectory("musicdl-cover-");
        try
        {
            var extension = png ? ".png" : ".jpg";
            var input = Path.Combine(folder.FullName, "in" + extension);
            var output = Path.Combine(folder.FullName, "out" + extension);
            await File.WriteAllBytesAsync(input, image, cancellationToken);
            var side = maxSide.ToString(System.Globalization.CultureInfo.InvariantCulture);
            List<string> args = ["-nostdin", "-y", "-hide_banner", "-loglevel", "error", "-i", input, "-frames:v", "1",
                "-vf", $"scale=w='min({side},iw)':h='min({side},ih)':force_original_aspect_ratio=decrease"];
            args.AddRange(png ? ["-c:v", "png"] : ["-c:v", "mjpeg", "-q:v", "2"]);
            args.AddRange(["-f", "image2", output]);
            var stderr = new StringBuilder();
            var command = Cli.Wrap(FfmpegPath)
                .WithArguments(args)
                .WithValidation(CommandResultValidation.None)
                .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr));
            var result = await ProcessLimit.ExecuteAsync(command, "ffmpeg", ProcessLimit.Probe, cancellationToken);
            if (result.ExitCode != 0 || !File.Exists(output))
            {
                throw new ConversionFailedException($"ffmpeg could not scale the cover down (exit {result.ExitCode}): {LastError(stderr)}");
            }

            return await File.ReadAllBytesAsync(output, cancellationToken);
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is the system's to clear; the cover's fate does not depend on it.
            }
        }
    }

    // With the level-prefixed log the last line may be info; the error is what the user needs.
    private static string LastError(StringBuilder stderr)
    {
        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var error = lines.LastOrDefault(l => l.Contains("[error]", StringComparison.Ordinal) || l.Contains("[fatal]", StringComparison.Ordinal));
        return error is null ? AudioProbe.LastLine(stderr) : error.Replace("[error] ", string.Empty, StringComparison.Ordinal).Replace("[fatal] ", string.Empty, StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether the conversion's own ffmpeg run also measures loudness (a second output, the meter): only where the file
    /// keeps the source's audio, so measuring the input is measuring the file.
    /// </summary>
    private static bool MetersBeside(ConversionPlan plan, bool measureLoudness) => measureLoudness && plan.KeepsSourceAudio;

    /// <summary>
    /// Whether ffmpeg's closing report may stand for the file. Beside the loudness meter ffmpeg has two outputs and the
    /// report's length is the longer one's, the meter's, which read the whole input: then only a stream copy's weight
    /// vouches for the file (a remux of every packet weighs about what the download weighs, containers differing by a
    /// few per cent; a cut one far less). Anything else is left to ffprobe.
    /// </summary>
    internal static bool ReportVouches(FfmpegProgress? report, bool besideMeter, ConversionPlan plan, long inputBytes) =>
        report is not null && (!besideMeter || (plan.StreamCopy && report.Bytes >= inputBytes * 9 / 10));

    /// <summary>
    /// An ffmpeg that exits 0 is not proof of a good file (a broken build, a full disk, a wrapper script): the output
    /// must exist, not be empty and last about as long as the input, or the track fails before placement.
    /// ffmpeg's closing report gives the length when its byte count is the file's on disk (the muxer wrote exactly this
    /// file, trailer included); without such a report ffprobe reads the file, as it always did.
    /// </summary>
    private async Task VerifyAsync(string output, FfmpegProgress? report, TimeSpan? expectedDuration, CancellationToken cancellationToken)
    {
        var info = new FileInfo(output);
        if (!info.Exists || info.Length == 0)
        {
            throw new ConversionFailedException("ffmpeg reported success but wrote no audio");
        }

        // ffmpeg's own report costs nothing, so its length is checked even without ffprobe; with neither, only the
        // empty-file check above is possible.
        TimeSpan? reported = report is not null && report.Bytes == info.Length && report.Written > TimeSpan.Zero ? report.Written : null;
        if (reported is null && Probe is null)
        {
            return;
        }

        var written = reported ?? (await Probe!.ProbeAsync(output, cancellationToken)).Duration;

        // The expected length comes from the player (or the input's probe), not another run.
        var expected = expectedDuration ?? TimeSpan.Zero;
        var tolerance = TimeSpan.FromSeconds(Math.Max(2, expected.TotalSeconds * 0.05));
        if (expected > TimeSpan.Zero && (written - expected).Duration() > tolerance)
        {
            throw new ConversionFailedException(
                $"ffmpeg wrote {written.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} s of audio where the download has " +
                $"{expected.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} s");
        }
    }
}

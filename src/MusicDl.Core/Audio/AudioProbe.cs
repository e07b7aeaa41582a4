using System.Globalization;
using System.Text;
using System.Text.Json;
using CliWrap;
using MusicDl.Configuration;

namespace MusicDl.Audio;

/// <summary>Reads codec, bitrate and duration of an audio file with ffprobe (found next to ffmpeg or on PATH).</summary>
public sealed class AudioProbe(string ffprobePath)
{
    public string FfprobePath { get; } = ffprobePath;

    /// <summary>ffprobe beside the configured ffmpeg, else on the host's PATH (<paramref name="pathVariable"/>); null when absent.</summary>
    public static AudioProbe? TryLocate(MusicDlSettings settings, string? pathVariable)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string? configured = null;
        if (!string.IsNullOrWhiteSpace(settings.FfmpegPath))
        {
            configured = Directory.Exists(settings.FfmpegPath) ? settings.FfmpegPath : Path.GetDirectoryName(Path.GetFullPath(settings.FfmpegPath));
        }

        var path = ExecutableLocator.Find("ffprobe", configured, pathVariable) ?? ExecutableLocator.Find("ffprobe", null, pathVariable);
        return path is null ? null : new AudioProbe(path);
    }

    public async Task<AudioProbeResult> ProbeAsync(string file, CancellationToken cancellationToken = default)
    {
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var command = Cli.Wrap(FfprobePath)
            .WithArguments(["-v", "error", "-select_streams", "a:0", "-show_entries", "stream=codec_name,bit_rate:format=duration,bit_rate,format_name", "-of", "json", file])
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToStringBuilder(stdout))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr));
        var result = await ProcessLimit.ExecuteAsync(command, "ffprobe", ProcessLimit.Probe, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new ConversionFailedException($"ffprobe could not read '{Path.GetFileName(file)}': {LastLine(stderr)}");
        }

        return Parse(stdout.ToString());
    }

    internal static AudioProbeResult Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (!root.TryGetProperty("streams", out var streams) || streams.GetArrayLength() == 0)
        {
            throw new ConversionFailedException("ffprobe found no audio stream.");
        }

        var stream = streams[0];
        var codecName = stream.TryGetProperty("codec_name", out var c) ? c.GetString() ?? "" : "";
        var format = root.TryGetProperty("format", out var f) ? f : default;
        var bitrate = ReadNumber(stream, "bit_rate") ?? (format.ValueKind == JsonValueKind.Object ? ReadNumber(format, "bit_rate") : null);
        var duration = format.ValueKind == JsonValueKind.Object ? ReadNumber(format, "duration") ?? 0 : 0;
        var formatName = format.ValueKind == JsonValueKind.Object && format.TryGetProperty("format_name", out var fn) ? fn.GetString() ?? "" : "";
        return new AudioProbeResult(
            codecName,
            CodecFromName(codecName),
            bitrate is { } b ? (int)Math.Round(b / 1000) : null,
            TimeSpan.FromSeconds(duration),
            formatName);
    }

    internal static AudioCodec CodecFromName(string codecName) => codecName switch
    {
        "opus" => AudioCodec.Opus,
        "aac" => AudioCodec.Aac,
        "vorbis" => AudioCodec.Vorbis,
        "mp3" => AudioCodec.Mp3,
        "flac" => AudioCodec.Flac,
        _ when codecName.StartsWith("pcm_", StringComparison.Ordinal) => AudioCodec.Pcm,
        _ => AudioCodec.Unknown,
    };

    internal static string LastLine(StringBuilder text)
    {
        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "no error output" : lines[^1];
    }

    private static double? ReadNumber(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            && double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d
            : null;
}

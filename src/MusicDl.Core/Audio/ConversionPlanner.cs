using System.Globalization;
using MusicDl.Configuration;

namespace MusicDl.Audio;

/// <summary>
/// Chooses ffmpeg codec arguments for an output format, a bitrate setting and the source (docs/audio.md has the table).
/// Re-encoding a lossy source at the same or a higher rate only loses quality, hence the stream copies.
/// </summary>
public static class ConversionPlanner
{
    private static readonly int[] RateClasses = [64, 96, 128, 160, 192, 256, 320];

    // libvorbis -q:a 0..9 and their nominal rates in kbit/s.
    private static readonly int[] VorbisNominal = [64, 80, 96, 112, 128, 160, 192, 224, 256, 320];

    public static ConversionPlan Plan(AudioFormat format, Bitrate bitrate, SourceAudio source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return format switch
        {
            AudioFormat.M4a => CopyOrEncode(bitrate, source, AudioCodec.Aac, "aac", "ipod"),
            AudioFormat.Opus => CopyOrEncode(bitrate, source, AudioCodec.Opus, "libopus", "opus"),
            AudioFormat.Mp3 => Mp3(bitrate, source),
            AudioFormat.Ogg => Ogg(bitrate, source),
            AudioFormat.Flac => Lossless(bitrate, "flac", "flac"),
            AudioFormat.Wav => Lossless(bitrate, "pcm_s16le", "wav"),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown audio format."),
        };
    }

    /// <summary>The standard rate at or just above the source's (192k when the source rate is unknown).</summary>
    public static int RateClass(int? sourceKbps)
    {
        if (sourceKbps is not { } kbps || kbps <= 0)
        {
            return 192;
        }

        foreach (var c in RateClasses)
        {
            // 5% slack: a 125k AAC stream is a 128k stream.
            if (c >= kbps * 0.95)
            {
                return c;
            }
        }

        return RateClasses[^1];
    }

    private static ConversionPlan CopyOrEncode(Bitrate bitrate, SourceAudio source, AudioCodec target, string encoder, string muxer)
    {
        if (source.Codec == target)
        {
            var copy = bitrate.Mode != BitrateMode.Fixed
                || source.BitrateKbps is null
                || bitrate.Kbps >= source.BitrateKbps.Value * 0.95;
            if (copy)
            {
                return new ConversionPlan(["-c:a", "copy"], muxer, StreamCopy: true);
            }
        }

        var kbps = bitrate.Mode == BitrateMode.Fixed ? bitrate.Kbps : RateClass(source.BitrateKbps);
        return new ConversionPlan(["-c:a", encoder, "-b:a", Kbps(kbps)], muxer, StreamCopy: false);
    }

    private static ConversionPlan Mp3(Bitrate bitrate, SourceAudio source) => bitrate.Mode switch
    {
        BitrateMode.Fixed => new ConversionPlan(["-c:a", "libmp3lame", "-b:a", Kbps(bitrate.Kbps)], "mp3", false),
        BitrateMode.Disable => new ConversionPlan(["-c:a", "libmp3lame", "-q:a", "0"], "mp3", false),
        _ => new ConversionPlan(["-c:a", "libmp3lame", "-b:a", Kbps(RateClass(source.BitrateKbps))], "mp3", false),
    };

    private static ConversionPlan Ogg(Bitrate bitrate, SourceAudio source)
    {
        if (bitrate.Mode == BitrateMode.Fixed)
        {
            return new ConversionPlan(["-c:a", "libvorbis", "-b:a", Kbps(bitrate.Kbps)], "ogg", false);
        }

        var quality = 5;
        if (source.BitrateKbps is { } kbps)
        {
            quality = Array.FindIndex(VorbisNominal, n => n >= kbps * 0.95);
            if (quality < 0)
            {
                quality = VorbisNominal.Length - 1;
            }
        }

        return new ConversionPlan(["-c:a", "libvorbis", "-q:a", quality.ToString(CultureInfo.InvariantCulture)], "ogg", false);
    }

    private static ConversionPlan Lossless(Bitrate bitrate, string encoder, string muxer)
    {
        var note = bitrate.Mode == BitrateMode.Fixed
            ? $"bitrate {bitrate} is ignored for {muxer}: the output is lossless from the decoded source"
            : null;
        return new ConversionPlan(["-c:a", encoder], muxer, false, note) { Lossless = true };
    }

    private static string Kbps(int kbps) => kbps.ToString(CultureInfo.InvariantCulture) + "k";
}

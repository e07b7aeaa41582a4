using MusicDl.Audio;

namespace MusicDl.YouTube.Player;

/// <summary>One audio entry of <c>streamingData.adaptiveFormats</c>. <see cref="Url"/> is null when only a signatureCipher is offered.</summary>
public sealed record AudioStreamInfo
{
    public required int Itag { get; init; }

    public Uri? Url { get; init; }

    public bool HasSignatureCipher { get; init; }

    public required string MimeType { get; init; }

    public AudioCodec Codec => SourceAudio.CodecFromMimeType(MimeType);

    /// <summary>"webm" or "m4a" (from the mime type).</summary>
    public string Container => MimeType.StartsWith("audio/mp4", StringComparison.OrdinalIgnoreCase) ? "m4a"
        : MimeType.StartsWith("audio/webm", StringComparison.OrdinalIgnoreCase) ? "webm"
        : "bin";

    public int Bitrate { get; init; }

    public int? AverageBitrate { get; init; }

    public long? ContentLength { get; init; }

    public TimeSpan? ApproxDuration { get; init; }

    public string? AudioQuality { get; init; }

    /// <summary>A dynamic-range-compressed duplicate of another format (recent answers carry both).</summary>
    public bool IsDrc { get; init; }

    /// <summary>False for a dubbed or secondary audio track (<c>audioTrack.audioIsDefault</c>).</summary>
    public bool IsDefaultAudioTrack { get; init; } = true;

    public int? AudioSampleRate { get; init; }

    public int? AudioChannels { get; init; }

    /// <summary>Neither a url nor a signatureCipher: the format is served only through SABR streaming.</summary>
    public bool IsSabrOnly => Url is null && !HasSignatureCipher;

    /// <summary>Usable without deciphering.</summary>
    public bool IsUsable => Url is not null;

    /// <summary>Average rate in kbit/s (the peak rate when no average is given).</summary>
    public int Kbps => (int)Math.Round((AverageBitrate ?? Bitrate) / 1000.0);

    public SourceAudio ToSourceAudio() => new(Codec, Kbps > 0 ? Kbps : null, Container) { Duration = ApproxDuration };
}

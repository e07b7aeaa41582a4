namespace MusicDl.Audio;

/// <summary>What a downloaded file holds: codec, average bitrate (kbit/s, when known) and container ("webm", "m4a").</summary>
public sealed record SourceAudio(AudioCodec Codec, int? BitrateKbps, string Container)
{
    /// <summary>How long the audio lasts, when the source says (the player's approxDurationMs): what the output must match.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Reads the codec from an InnerTube or HTTP mime type such as <c>audio/webm; codecs="opus"</c>.</summary>
    public static AudioCodec CodecFromMimeType(string? mimeType)
    {
        if (string.IsNullOrEmpty(mimeType))
        {
            return AudioCodec.Unknown;
        }

        if (mimeType.Contains("opus", StringComparison.OrdinalIgnoreCase))
        {
            return AudioCodec.Opus;
        }

        if (mimeType.Contains("mp4a", StringComparison.OrdinalIgnoreCase))
        {
            return AudioCodec.Aac;
        }

        return mimeType.Contains("vorbis", StringComparison.OrdinalIgnoreCase) ? AudioCodec.Vorbis : AudioCodec.Unknown;
    }

    /// <summary>Guesses codec from a file extension (yt-dlp names its output by container).</summary>
    public static SourceAudio FromExtension(string extension) => extension.TrimStart('.').ToLowerInvariant() switch
    {
        "m4a" or "mp4" or "aac" => new SourceAudio(AudioCodec.Aac, null, "m4a"),
        "webm" or "opus" => new SourceAudio(AudioCodec.Opus, null, "webm"),
        "ogg" => new SourceAudio(AudioCodec.Vorbis, null, "ogg"),
        "mp3" => new SourceAudio(AudioCodec.Mp3, null, "mp3"),
        var other => new SourceAudio(AudioCodec.Unknown, null, other),
    };
}

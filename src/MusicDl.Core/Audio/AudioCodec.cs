namespace MusicDl.Audio;

/// <summary>The codec of a downloaded or converted audio stream, as far as conversion needs to know it.</summary>
public enum AudioCodec
{
    Unknown,
    Opus,
    Aac,
    Vorbis,
    Mp3,
    Flac,
    Pcm,
}

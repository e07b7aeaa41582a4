namespace MusicDl.Configuration;

public enum AudioFormat
{
    Mp3,
    M4a,
    Opus,
    Ogg,
    Flac,
    Wav,
}

namespace MusicDl.Audio;

/// <summary>What ffprobe says about a file's first audio stream.</summary>
public sealed record AudioProbeResult(string CodecName, AudioCodec Codec, int? BitrateKbps, TimeSpan Duration, string FormatName);

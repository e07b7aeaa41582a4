namespace MusicDl.Audio;

/// <summary>How ffmpeg turns the source into the output: codec arguments, the muxer, whether the stream is copied, and a note for the user.</summary>
public sealed record ConversionPlan(IReadOnlyList<string> CodecArguments, string Muxer, bool StreamCopy, string? Note = null);

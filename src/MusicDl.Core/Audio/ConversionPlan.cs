namespace MusicDl.Audio;

/// <summary>How ffmpeg turns the source into the output: codec arguments, the muxer, whether the stream is copied, and a note for the user.</summary>
public sealed record ConversionPlan(IReadOnlyList<string> CodecArguments, string Muxer, bool StreamCopy, string? Note = null)
{
    /// <summary>The output is lossless (flac, wav): its decoded audio is the decoded source's.</summary>
    public bool Lossless { get; init; }

    /// <summary>
    /// Whether the file's audio is the decoded source's (a stream copy or a lossless encode), so the conversion's own
    /// pass can measure its loudness; a lossy re-encode changes it (LAME at 128k by tenths of a dB), and the written
    /// file is measured after.
    /// </summary>
    public bool KeepsSourceAudio => StreamCopy || Lossless;
}

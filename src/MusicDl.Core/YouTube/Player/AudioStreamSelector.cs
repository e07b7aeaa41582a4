using MusicDl.Audio;
using MusicDl.Configuration;

namespace MusicDl.YouTube.Player;

/// <summary>
/// Picks the audio stream for an output format: Opus 251 for opus and ogg, AAC 141 then 140 for m4a (so the output
/// can be a stream copy), the best stream otherwise. Streams offered only with a signatureCipher are never chosen.
/// </summary>
public static class AudioStreamSelector
{
    public static AudioStreamInfo? Choose(IEnumerable<AudioStreamInfo> streams, AudioFormat format)
    {
        ArgumentNullException.ThrowIfNull(streams);
        // The original mix first: a DRC duplicate or a dubbed track only when nothing else is usable.
        var usable = streams.Where(s => s.IsUsable)
            .OrderBy(s => s.IsDefaultAudioTrack ? 0 : 1)
            .ThenBy(s => s.IsDrc ? 1 : 0)
            .ToList();
        if (usable.Count == 0)
        {
            return null;
        }

        return format switch
        {
            AudioFormat.Opus or AudioFormat.Ogg => Preferred(usable, AudioCodec.Opus, [251, 250, 249]) ?? Best(usable),
            AudioFormat.M4a => Preferred(usable, AudioCodec.Aac, [141, 140]) ?? Best(usable),
            _ => Best(usable),
        };
    }

    /// <summary>The best stream for re-encoding: Opus counts for more per bit than AAC at the same rate.</summary>
    public static AudioStreamInfo Best(IReadOnlyList<AudioStreamInfo> usable) =>
        usable.OrderBy(s => s.IsDefaultAudioTrack ? 0 : 1).ThenBy(s => s.IsDrc ? 1 : 0)
            .ThenByDescending(s => s.Kbps * (s.Codec == AudioCodec.Opus ? 1.5 : 1.0)).ThenBy(s => s.Itag).First();

    private static AudioStreamInfo? Preferred(List<AudioStreamInfo> usable, AudioCodec codec, int[] itags)
    {
        foreach (var itag in itags)
        {
            if (usable.FirstOrDefault(s => s.Itag == itag) is { } hit)
            {
                return hit;
            }
        }

        return usable.Where(s => s.Codec == codec).OrderBy(s => s.IsDefaultAudioTrack ? 0 : 1).ThenBy(s => s.IsDrc ? 1 : 0).ThenByDescending(s => s.Kbps).FirstOrDefault();
    }
}

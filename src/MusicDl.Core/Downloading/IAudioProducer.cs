using MusicDl.Audio;
using MusicDl.Configuration;

namespace MusicDl.Downloading;

/// <summary>Downloads a matched video's audio and converts it into the output format at a path the library chose.</summary>
public interface IAudioProducer
{
    /// <summary>
    /// Writes the finished audio file to <paramref name="destinationPath"/> and returns its loudness when it was
    /// measured on the way (ReplayGain on). Throws <see cref="TrackFailedException"/> for a failure of this track,
    /// <see cref="RunAbortedException"/> for one that is not the track's.
    /// </summary>
    Task<Loudness?> ProduceAsync(TrackMatch match, AudioFormat format, string destinationPath, CancellationToken cancellationToken);
}

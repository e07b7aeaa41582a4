using MusicDl.Configuration;

namespace MusicDl.Downloading;

/// <summary>Downloads a matched video's audio and converts it into the output format at a path the library chose.</summary>
public interface IAudioProducer
{
    /// <summary>
    /// Writes the finished audio file to <paramref name="destinationPath"/>. Throws <see cref="TrackFailedException"/>
    /// for a failure of this track, <see cref="RunAbortedException"/> for one that is not the track's.
    /// </summary>
    Task ProduceAsync(TrackMatch match, AudioFormat format, string destinationPath, CancellationToken cancellationToken);
}

using MusicDl.Audio;
using MusicDl.Models;
using MusicDl.YouTube.Matching;

namespace MusicDl.Downloading;

/// <summary>The library on disk: paths, the state, atomic placement, tags, M3U.</summary>
public interface ITrackLibrary
{
    /// <summary>Called once with the run's tracks before any is inspected: the library may read their state in one go.</summary>
    Task PrepareAsync(IReadOnlyList<PlannedTrack> planned, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Whether the track is already at its path(s), answered from the library state and the file system, with no network.</summary>
    Task<LibraryPresence> InspectAsync(PlannedTrack track, CancellationToken cancellationToken);

    /// <summary>
    /// Asks each optional service whose part some file still lacks (the backlog of earlier runs) one cheap request, so
    /// its verdict is known by the time those files are re-tagged; a service that fails it is down for the run. The
    /// pipeline starts it with the run, beside the Spotify reads. A service's failure is its verdict, never thrown.
    /// </summary>
    Task ProbeBacklogAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Gives <paramref name="produce"/> a hidden temporary path in the final folder to fill, then tags the file, renames it
    /// into place, makes the copies other paths need and records it in the state. <paramref name="produce"/> returns the
    /// audio's loudness when it measured it. Returns the paths placed.
    /// </summary>
    Task<IReadOnlyList<string>> StoreAsync(PlannedTrack track, Track full, MatchResult match, Func<string, CancellationToken, Task<Loudness?>> produce, CancellationToken cancellationToken);

    /// <summary>Re-tags the files present; false when the tags already matched and nothing was written.</summary>
    Task<bool> RetagAsync(PlannedTrack track, Track full, CancellationToken cancellationToken);

    /// <summary>
    /// Completes what needs every track of an album (ReplayGain's album gain) for the tracks this run placed or
    /// re-tagged; the tracks found <paramref name="present"/> (skipped) complete their albums.
    /// </summary>
    Task FinishAlbumsAsync(IReadOnlyList<(PlannedTrack Track, Track Full)> placed, IReadOnlyList<(PlannedTrack Track, Track Full)> present, CancellationToken cancellationToken);

    /// <summary>Writes the M3U of a source, in source order, with the paths of the tracks present.</summary>
    Task WritePlaylistAsync(ResolvedSource source, IReadOnlyDictionary<string, string> pathsByTrackId, CancellationToken cancellationToken);
}

using MusicDl.Models;
using MusicDl.Tagging;

namespace MusicDl.Downloading;

/// <summary>The library on disk: paths, the state, atomic placement, M3U.</summary>
public interface ITrackLibrary
{
    /// <summary>Called once with the run's tracks before any is inspected: the library may read their state in one go.</summary>
    Task PrepareAsync(IReadOnlyList<PlannedTrack> planned, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Whether the track is already at its path(s), answered from the library state and the file system, with no network.</summary>
    Task<LibraryPresence> InspectAsync(PlannedTrack track, CancellationToken cancellationToken);

    /// <summary>Claims the track's paths and a hidden temporary file in the folder of the first, for the audio to be produced and tagged in.</summary>
    Task<StagedTrack> StageAsync(PlannedTrack track, CancellationToken cancellationToken);

    /// <summary>Renames the staged file, tagged, into place at the track's first path and records it in the state.</summary>
    Task<KnownTags> PlaceAsync(StagedTrack staged, Track full, string? videoId, TaggedFile tagged, CancellationToken cancellationToken);

    /// <summary>Puts the placed file at the track's other paths too, and its lyrics sidecar beside each; returns every path.</summary>
    Task<IReadOnlyList<string>> PlaceCopiesAsync(StagedTrack staged, Track full, string? videoId, TaggedFile tagged, CancellationToken cancellationToken);

    /// <summary>Removes a staged file that will not be placed (its download, conversion or tags failed, or the run was cancelled).</summary>
    Task DiscardAsync(StagedTrack staged, CancellationToken cancellationToken);

    /// <summary>Writes the M3U of a source, in source order, with the paths of the tracks present.</summary>
    Task WritePlaylistAsync(ResolvedSource source, IReadOnlyDictionary<string, string> pathsByTrackId, CancellationToken cancellationToken);
}

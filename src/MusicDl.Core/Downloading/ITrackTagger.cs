using MusicDl.Audio;
using MusicDl.Models;
using MusicDl.Tagging;

namespace MusicDl.Downloading;

/// <summary>The tags of the library's files: Spotify's details, the optional look-ups (cover, lyrics, MusicBrainz) and loudness.</summary>
public interface ITrackTagger
{
    /// <summary>
    /// Asks each optional service whose part some file still lacks (the backlog of earlier runs) one cheap request, so
    /// its verdict is known by the time those files are re-tagged; a service that fails it is down for the run. The
    /// pipeline starts it with the run, beside the Spotify reads. A service's failure is its verdict, never thrown.
    /// </summary>
    Task ProbeBacklogAsync(CancellationToken cancellationToken);

    /// <summary>Writes the track's tags, with its video and the <paramref name="loudness"/> measured while producing it, into the staged file.</summary>
    Task<TaggedFile> TagAsync(StagedTrack staged, Track full, string? videoId, Loudness? loudness, CancellationToken cancellationToken);

    /// <summary>Records what the file <paramref name="placed"/> holds (its tags, loudness, the parts it lacks) for re-tags and the album pass.</summary>
    Task PlacedAsync(StagedTrack staged, Track full, string? videoId, TaggedFile tagged, KnownTags placed, CancellationToken cancellationToken);

    /// <summary>Re-tags the files present; false when the tags already matched and nothing was written.</summary>
    Task<bool> RetagAsync(PlannedTrack track, Track full, CancellationToken cancellationToken);

    /// <summary>
    /// Completes what needs every track of an album (ReplayGain's album gain) for the tracks this run placed or
    /// re-tagged; the tracks found <paramref name="present"/> (skipped) complete their albums.
    /// </summary>
    Task FinishAlbumsAsync(IReadOnlyList<(PlannedTrack Track, Track Full)> placed, IReadOnlyList<(PlannedTrack Track, Track Full)> present, CancellationToken cancellationToken);
}

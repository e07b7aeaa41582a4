using MusicDl.Downloading;
using MusicDl.Models;
using MusicDl.Output;

namespace MusicDl.Runs;

/// <summary>Hears a run as it goes (the CLI prints from it); calls about finished work are serialised.</summary>
public interface IRunObserver
{
    /// <summary>The track list is known: how many tracks will be processed.</summary>
    void Planned(int tracks);

    void TrackStarted(PlannedTrack track);

    /// <summary>A track (or an unsupported entry, or a pruned file) is done.</summary>
    void TrackFinished(TrackOutcome outcome);

    /// <summary>A source could not be read.</summary>
    void SourceFailed(SourceFailure failure);
}

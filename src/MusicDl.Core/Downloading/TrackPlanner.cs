using MusicDl.Models;
using MusicDl.Output;

namespace MusicDl.Downloading;

/// <summary>Turns resolved sources into the run's work list: each track once, however many sources name it.</summary>
internal static class TrackPlanner
{
    /// <summary>One planned track per Spotify id, in first-appearance order; unsupported entries are reported at once.</summary>
    public static List<PlannedTrack> Plan(IReadOnlyList<ResolvedSource> resolved, Action<TrackOutcome> emit)
    {
        var order = new List<string>();
        var byId = new Dictionary<string, (Track Track, List<TrackContext> Contexts)>(StringComparer.Ordinal);
        foreach (var source in resolved)
        {
            foreach (var entry in source.Entries)
            {
                if (!entry.IsSupported)
                {
                    var outcome = entry.Track is { } t
                        ? TrackOutcome.For(t, [source.Source.Uri], TrackStatus.Unsupported)
                        : new TrackOutcome { Title = entry.Title, Sources = [source.Source.Uri], Status = TrackStatus.Unsupported };
                    emit(outcome with { Error = entry.UnsupportedReason });
                    continue;
                }

                var track = entry.Track!;
                if (!byId.TryGetValue(track.Id, out var slot))
                {
                    slot = (track, []);
                    byId[track.Id] = slot;
                    order.Add(track.Id);
                }

                slot.Contexts.Add(new TrackContext(source, entry.Position));
            }
        }

        return order.Select(id => new PlannedTrack(byId[id].Track, byId[id].Contexts)).ToList();
    }
}

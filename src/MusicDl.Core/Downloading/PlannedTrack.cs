using MusicDl.Models;

namespace MusicDl.Downloading;

/// <summary>A track once, however many sources ask for it, in the order it first appeared.</summary>
public sealed record PlannedTrack(Track Track, IReadOnlyList<TrackContext> Contexts)
{
    public IReadOnlyList<string> SourceUris => Contexts.Select(c => c.Source.Source.Uri).Distinct(StringComparer.Ordinal).ToArray();
}

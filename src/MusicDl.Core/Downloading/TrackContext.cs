using MusicDl.Models;

namespace MusicDl.Downloading;

/// <summary>One source that asks for a track, with the track's position in it (for {playlist} templates and M3U).</summary>
public sealed record TrackContext(ResolvedSource Source, int Position);

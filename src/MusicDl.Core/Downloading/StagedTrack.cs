namespace MusicDl.Downloading;

/// <summary>
/// A track on its way into the library: its paths (relative, claimed; the first is where the audio goes) with the
/// sources that want each, and the hidden temporary file beside the first that the audio is produced and tagged in
/// before it is renamed into place.
/// </summary>
public sealed record StagedTrack(PlannedTrack Track, IReadOnlyList<(string Path, IReadOnlyList<string> Sources)> Targets, string TempPath);

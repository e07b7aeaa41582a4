namespace MusicDl.Output;

/// <summary>A source that could not be read (403, 404, network): its own output line.</summary>
public sealed record SourceFailure(string Source, string Error);

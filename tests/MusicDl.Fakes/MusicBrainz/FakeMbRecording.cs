namespace MusicDl.Fakes.MusicBrainz;

/// <summary>A recording the fake MusicBrainz returns for an ISRC; <see cref="LengthMs"/> null is MusicBrainz's unknown length.</summary>
public sealed record FakeMbRecording(string Id, string Title, int? LengthMs)
{
    public IReadOnlyList<FakeMbArtist> Artists { get; init; } = [];

    public IReadOnlyList<FakeMbRelease> Releases { get; init; } = [];

    public IReadOnlyList<FakeMbGenre> Genres { get; init; } = [];
}

namespace MusicDl.Fakes.Spotify;

/// <summary>One playlist entry: a track, a local file, an episode, or a removed (null) item.</summary>
public sealed record FakeEntry(FakeEntryKind Kind, string? TrackId = null, string? Name = null)
{
    public static FakeEntry Track(string trackId) => new(FakeEntryKind.Track, trackId);

    public static FakeEntry Local(string name) => new(FakeEntryKind.Local, null, name);

    public static FakeEntry Episode(string name) => new(FakeEntryKind.Episode, null, name);

    public static FakeEntry Removed() => new(FakeEntryKind.Removed);
}

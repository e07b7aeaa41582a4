namespace MusicDl.Fakes.Spotify;

public enum FakeEntryKind
{
    Track,
    Local,
    Episode,
    Removed,
}

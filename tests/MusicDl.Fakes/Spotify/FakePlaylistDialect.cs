namespace MusicDl.Fakes.Spotify;

public enum FakePlaylistDialect
{
    /// <summary>2026: <c>/items</c> and <c>item</c>, 50 a page; <c>/tracks</c> answers 404.</summary>
    Items,

    /// <summary>Older: <c>/tracks</c> and <c>track</c>, 100 a page; <c>/items</c> answers 404.</summary>
    Tracks,
}

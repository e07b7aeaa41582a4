namespace MusicDl.Fakes.Lrclib;

/// <summary>A record the fake LRCLIB holds (duration in seconds, as LRCLIB stores it).</summary>
public sealed record FakeLyrics(string TrackName, string ArtistName, string AlbumName, double Duration)
{
    public long Id { get; init; }

    public bool Instrumental { get; init; }

    public string? PlainLyrics { get; init; }

    public string? SyncedLyrics { get; init; }
}

namespace MusicDl.Lyrics;

/// <summary>One LRCLIB record: <c>syncedLyrics</c> is LRC text (<c>[mm:ss.xx] line</c> per line), either text may be absent.</summary>
public sealed record LyricsRecord
{
    public long Id { get; init; }

    public string? TrackName { get; init; }

    public string? ArtistName { get; init; }

    public string? AlbumName { get; init; }

    /// <summary>Seconds (LRCLIB sends a number that may carry a fraction).</summary>
    public double? Duration { get; init; }

    public bool Instrumental { get; init; }

    public string? PlainLyrics { get; init; }

    public string? SyncedLyrics { get; init; }
}

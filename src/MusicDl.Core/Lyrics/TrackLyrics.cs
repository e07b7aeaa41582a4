namespace MusicDl.Lyrics;

/// <summary>A track's lyrics as musicdl keeps them (and caches them): synced LRC text, plain text, or instrumental.</summary>
public sealed record TrackLyrics(string? Synced, string? Plain, bool Instrumental = false)
{
    /// <summary>What the lyrics tag gets: the synced LRC text when there is some, else the plain text; nothing for an instrumental.</summary>
    public string? ForTag => Instrumental ? null : NullIfBlank(Synced) ?? NullIfBlank(Plain);

    /// <summary>What a <c>.lrc</c> sidecar gets: synced text only.</summary>
    public string? ForSidecar => Instrumental ? null : NullIfBlank(Synced);

    public static TrackLyrics From(LyricsRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new TrackLyrics(NullIfBlank(record.SyncedLyrics), NullIfBlank(record.PlainLyrics), record.Instrumental);
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

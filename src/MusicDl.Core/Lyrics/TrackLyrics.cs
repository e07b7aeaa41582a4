namespace MusicDl.Lyrics;

/// <summary>A track's lyrics as musicdl keeps them (and caches them): synced LRC text, plain text, or instrumental.</summary>
public sealed record TrackLyrics(string? Synced, string? Plain, bool Instrumental = false)
{
    /// <summary>What the lyrics tag gets: the synced LRC text when there is some, else the plain text; nothing for an instrumental.</summary>
    public string? ForTag => Instrumental ? null : NullIfBlank(Synced) ?? NullIfBlank(Plain);

    /// <summary>What a <c>.lrc</c> sidecar gets: synced text only.</summary>
    public string? ForSidecar => Instrumental ? null : NullIfBlank(Synced);

    /// <summary>The most lyrics text kept (UTF-8 bytes); longer text is not lyrics but junk, and is dropped.</summary>
    public const int MaxBytes = 256 * 1024;

    /// <summary>The record's lyrics, each text stripped of control characters (newline and tab kept) and at most <see cref="MaxBytes"/>.</summary>
    public static TrackLyrics From(LyricsRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new TrackLyrics(Clean(record.SyncedLyrics), Clean(record.PlainLyrics), record.Instrumental);
    }

    /// <summary>Text fit for a tag and a <c>.lrc</c> file: no ANSI escape, NUL or other control character, bounded.</summary>
    internal static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || System.Text.Encoding.UTF8.GetByteCount(text) > MaxBytes)
        {
            return null;
        }

        var kept = new System.Text.StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings("\n"))
        {
            if (c is '\n' or '\t' || !char.IsControl(c))
            {
                kept.Append(c);
            }
        }

        return NullIfBlank(kept.ToString());
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

namespace MusicDl.Configuration;

/// <summary>Where lyrics go (<c>lyrics:</c>, <c>--lyrics</c>).</summary>
public enum LyricsMode
{
    /// <summary>Into the format's lyrics tag: synced LRC text when there is some, else plain text.</summary>
    Embed,

    /// <summary>A <c>.lrc</c> sidecar next to the audio (synced lyrics only).</summary>
    Lrc,

    /// <summary>Both the tag and the sidecar.</summary>
    Both,

    /// <summary>No lyrics are looked up; tags already written stay.</summary>
    None,
}

namespace MusicDl.Configuration;

/// <summary>The ID3v2 version mp3 (and wav) tags are written in (<c>id3_version:</c>).</summary>
public enum Id3Version
{
    /// <summary>ID3v2.4, as Picard writes by default: UTF-8 text, multiple values NUL-separated as 2.4 defines.</summary>
    V24,

    /// <summary>ID3v2.3 for old players: UTF-16 text, multiple values joined with "/" as Picard joins them.</summary>
    V23,
}

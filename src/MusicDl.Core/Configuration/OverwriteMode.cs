namespace MusicDl.Configuration;

public enum OverwriteMode
{
    /// <summary>An existing file is left alone.</summary>
    Skip,

    /// <summary>Download again ("force" is an alias).</summary>
    Overwrite,

    /// <summary>Re-tag existing files only; download nothing.</summary>
    Metadata,
}

namespace MusicDl.Library;

/// <summary>What metadata mode did to one file.</summary>
public enum RetagResult
{
    /// <summary>The tags already matched; the file was not opened for writing.</summary>
    Unchanged,

    /// <summary>New tags were written.</summary>
    Written,

    /// <summary>No file at the path: nothing to re-tag.</summary>
    Missing,
}

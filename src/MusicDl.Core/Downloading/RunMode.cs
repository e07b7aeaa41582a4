namespace MusicDl.Downloading;

public enum RunMode
{
    /// <summary>match, download, convert, tag, place.</summary>
    Download,

    /// <summary>Resolve and match; print the plan; write nothing.</summary>
    DryRun,

    /// <summary>Only match and report the chosen video (<c>musicdl match</c>).</summary>
    Match,
}

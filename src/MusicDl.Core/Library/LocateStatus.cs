namespace MusicDl.Library;

/// <summary>Where a wanted track stands in the library before any network call.</summary>
public enum LocateStatus
{
    /// <summary>Not in the library in this format: download it.</summary>
    Absent,

    /// <summary>Already at its path: skip it.</summary>
    Present,

    /// <summary>It was at the path of an older template and has been moved to the new one.</summary>
    Moved,

    /// <summary>It was elsewhere in the library (another source's path) and was linked or copied here.</summary>
    Copied,
}

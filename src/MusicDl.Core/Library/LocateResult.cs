namespace MusicDl.Library;

/// <summary>The answer of <see cref="MusicLibrary.LocateAsync"/>; <see cref="FromPath"/> is the old path of a move or copy.</summary>
public sealed record LocateResult(LocateStatus Status, string RelativePath, string? FromPath = null)
{
    /// <summary>True when the file is now at <see cref="RelativePath"/> and nothing needs downloading.</summary>
    public bool IsInPlace => Status != LocateStatus.Absent;
}

namespace MusicDl.YouTube.Download;

/// <summary>Where a ranged download stands: the next byte to fetch, and where the current attempt began (to tell a fruitful retry from a fruitless one).</summary>
internal sealed class DownloadProgress
{
    public long Offset { get; set; }

    public long AttemptStart { get; set; }
}

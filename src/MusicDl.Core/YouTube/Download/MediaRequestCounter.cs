namespace MusicDl.YouTube.Download;

/// <summary>Thread-safe counts for the run summary: media GETs sent and yt-dlp runs.</summary>
public sealed class MediaRequestCounter
{
    private long _mediaRequests;
    private long _ytDlpRuns;

    public long MediaRequests => Interlocked.Read(ref _mediaRequests);

    public long YtDlpRuns => Interlocked.Read(ref _ytDlpRuns);

    internal void CountMediaRequest() => Interlocked.Increment(ref _mediaRequests);

    internal void CountYtDlpRun() => Interlocked.Increment(ref _ytDlpRuns);
}

namespace MusicDl.Downloading;

/// <summary>This track failed (unavailable video, download error after retries...); the run goes on.</summary>
public class TrackFailedException : Exception
{
    public TrackFailedException(string message)
        : base(message)
    {
    }

    public TrackFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TrackFailedException()
    {
    }

    /// <summary>True when the cached match should be forgotten and searched again once (the video is gone).</summary>
    public bool VideoUnavailable { get; init; }

    /// <summary>
    /// True when the failure says nothing about the track (a bot check, a 403 on the stream, a login demand):
    /// when every track fails this way the run stops early instead of failing a thousand tracks one by one.
    /// </summary>
    public bool NotTheTracks { get; init; }

    /// <summary>The service (or tool) that failed, named when the run stops because of it.</summary>
    public string? Service { get; init; }
}

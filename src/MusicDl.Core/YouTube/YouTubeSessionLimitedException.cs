using MusicDl.Http;

namespace MusicDl.YouTube;

/// <summary>
/// YouTube rate-limited this session (about an hour). Says nothing about the song: no other candidate or client is
/// tried, nothing about the song is cached, no yt-dlp fallback runs, and the run stops (exit 3).
/// </summary>
public sealed class YouTubeSessionLimitedException : ServiceException
{
    public const string Advice =
        "YouTube rate-limited this session (it answers \"This content isn't available, try again later\" for about an hour); " +
        "run again in an hour, and pace long runs with youtube_rate_limit_enabled: true (see README, cron)";

    public YouTubeSessionLimitedException()
        : this("the session limit")
    {
    }


    public YouTubeSessionLimitedException(string evidence)
        : base("YouTube", ServiceFailureKind.SessionLimit, Advice)
    {
        Evidence = evidence;
    }

    public YouTubeSessionLimitedException(string evidence, Exception innerException)
        : base("YouTube", ServiceFailureKind.SessionLimit, Advice, innerException)
    {
        Evidence = evidence;
    }
}

namespace MusicDl.YouTube;

/// <summary>
/// The run's standing with YouTube, shared by search, player and media. Once YouTube has rate-limited the session
/// ("This content isn't available, try again later", a captcha, HTTP 429) every further call only prolongs the limit,
/// so no new search or player call starts; the calls already in flight finish.
/// </summary>
public sealed class YouTubeSession
{
    private string? _evidence;

    /// <summary>True once any YouTube answer showed the session limit.</summary>
    public bool IsLimited => Volatile.Read(ref _evidence) is not null;

    /// <summary>What YouTube answered when the limit was first seen (for the log).</summary>
    public string? Evidence => Volatile.Read(ref _evidence);

    /// <summary>Records the limit (the first evidence wins) and returns the exception that reports it.</summary>
    public YouTubeSessionLimitedException Limited(string evidence)
    {
        Interlocked.CompareExchange(ref _evidence, evidence, null);
        return new YouTubeSessionLimitedException(Evidence!);
    }

    /// <summary>Throws before a new call once the session is limited.</summary>
    public void ThrowIfLimited()
    {
        if (Evidence is { } evidence)
        {
            throw new YouTubeSessionLimitedException(evidence);
        }
    }
}

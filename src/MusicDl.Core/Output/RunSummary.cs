using MusicDl.Caching;

namespace MusicDl.Output;

/// <summary>The last JSON line of a run: counts per outcome (every status), sources unread, time, requests per service, cache statistics.</summary>
public sealed record RunSummary
{
    public int Downloaded { get; init; }

    public int Skipped { get; init; }

    public int Retagged { get; init; }

    public int Matched { get; init; }

    public int Planned { get; init; }

    public int Missing { get; init; }

    public int Excluded { get; init; }

    public int Pruned { get; init; }

    public int NotFound { get; init; }

    public int Failed { get; init; }

    public int Unsupported { get; init; }

    /// <summary>Sources (albums, playlists...) that could not be read at all.</summary>
    public int SourcesFailed { get; init; }

    /// <summary>Tracks whose Spotify details came from public pages (no Web API, or a playlist it refused).</summary>
    public int FromPublicPages { get; init; }

    public int ExitCode { get; init; }

    /// <summary>Why the run could not start or stopped early; absent from the JSON when null.</summary>
    public string? Error { get; init; }

    public double ElapsedS { get; init; }

    public RequestCounts Requests { get; init; } = new();

    public IReadOnlyList<RegionStatistics> Cache { get; init; } = [];
}

using MusicDl.Caching;

namespace MusicDl.Output;

/// <summary>The last JSON line of a run: counts per outcome, time, requests per service, cache statistics.</summary>
public sealed record RunSummary
{
    public int Downloaded { get; init; }

    public int Skipped { get; init; }

    public int Retagged { get; init; }

    public int NotFound { get; init; }

    public int Failed { get; init; }

    public int Unsupported { get; init; }

    public int ExitCode { get; init; }

    public double ElapsedS { get; init; }

    public RequestCounts Requests { get; init; } = new();

    public IReadOnlyList<RegionStatistics> Cache { get; init; } = [];
}

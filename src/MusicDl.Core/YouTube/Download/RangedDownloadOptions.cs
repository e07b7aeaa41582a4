namespace MusicDl.YouTube.Download;

/// <summary>Piece size and retry policy of the ranged media download.</summary>
public sealed record RangedDownloadOptions
{
    /// <summary>10 MiB, as yt-dlp uses: unthrottled pieces without ratebypass.</summary>
    public const long DefaultPieceSize = 10 * 1024 * 1024;

    public long PieceSize { get; init; } = DefaultPieceSize;

    /// <summary>Retries per piece (a resume that made progress retries at once; one that made none backs off).</summary>
    public int MaxRetries { get; init; } = 3;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A piece that delivers nothing for this long is dropped and resumed (HttpClient's timeout does not cover a body).</summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

using CliWrap;

namespace MusicDl.Audio;

/// <summary>
/// How long ffmpeg and yt-dlp may run: a minute plus twice the audio's length (ffprobe: a minute), so a hung child is killed
/// (its partial output removed by the caller) instead of holding the run for ever, while a long mix still converts.
/// </summary>
public static class ProcessLimit
{
    /// <summary>Assumed when the length is unknown (a yt-dlp download of a cached match).</summary>
    public static readonly TimeSpan UnknownLength = TimeSpan.FromMinutes(10);

    /// <summary>ffprobe reads only the headers, whatever the length.</summary>
    public static readonly TimeSpan Probe = TimeSpan.FromMinutes(1);

    // The lowest bitrate YouTube serves audio at (itag 139, 48k) rounded down: a file's length is at most bytes*8/this.
    private const double LowestBitsPerSecond = 32_000;

    public static TimeSpan For(TimeSpan? audioLength) =>
        TimeSpan.FromMinutes(1) + (2 * (audioLength is { } l && l > TimeSpan.Zero ? l : UnknownLength));

    /// <summary>The limit for a file of <paramref name="bytes"/>, with its bitrate when known.</summary>
    public static TimeSpan ForFile(long bytes, int? bitrateKbps) =>
        For(TimeSpan.FromSeconds(bytes * 8 / (bitrateKbps is > 0 and var k ? k * 1000.0 : LowestBitsPerSecond)));

    /// <summary>
    /// Runs <paramref name="command"/> killed after <paramref name="limit"/>; throws <see cref="ProcessTimedOutException"/>
    /// then, and <see cref="OperationCanceledException"/> when the caller cancelled.
    /// </summary>
    public static async Task<CommandResult> ExecuteAsync(Command command, string name, TimeSpan limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var timer = new CancellationTokenSource(limit);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            // The forceful token kills the child (and CliWrap waits for it to exit) before this returns.
            return await command.ExecuteAsync(linked.Token);
        }
        catch (OperationCanceledException ex) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ProcessTimedOutException($"{name} ran longer than {limit.TotalSeconds:0} s (a minute plus twice the audio's length) and was killed", ex);
        }
    }
}

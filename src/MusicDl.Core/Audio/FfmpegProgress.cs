using System.Globalization;

namespace MusicDl.Audio;

/// <summary>
/// ffmpeg's final <c>-progress</c> report: how much audio (<c>out_time_us</c>) and how many bytes (<c>total_size</c>)
/// its muxer wrote. ffmpeg prints it after writing the file's trailer, so the bytes are the finished file's.
/// </summary>
public sealed record FfmpegProgress(TimeSpan Written, long Bytes)
{
    /// <summary>The argument pair that makes ffmpeg print its reports as <c>key=value</c> lines on stdout.</summary>
    public static readonly IReadOnlyList<string> Arguments = ["-progress", "pipe:1"];

    /// <summary>
    /// The last report when it is the closing one (<c>progress=end</c>) with both values readable; null otherwise (an
    /// ffmpeg stopped early, a wrapper script that prints nothing, a build without <c>-progress</c>).
    /// </summary>
    public static FfmpegProgress? ParseFinal(string stdout)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        long? micros = null;
        long? bytes = null;
        FfmpegProgress? final = null;
        foreach (var raw in stdout.Split('\n'))
        {
            var line = raw.Trim();
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var value = line[(eq + 1)..].Trim();
            switch (line[..eq])
            {
                case "out_time_us":
                    micros = long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var us) ? us : null;
                    break;
                case "total_size":
                    bytes = long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var b) ? b : null;
                    break;
                case "progress":
                    // Each report closes with this key; only the closing "end" one describes the finished file.
                    final = value == "end" && micros is >= 0 && bytes is >= 0 ? new FfmpegProgress(TimeSpan.FromTicks(micros.Value * 10), bytes.Value) : null;
                    micros = null;
                    bytes = null;
                    break;
            }
        }

        return final;
    }
}

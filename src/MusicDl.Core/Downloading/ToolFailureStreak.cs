using System.Text;
using System.Text.RegularExpressions;
using MusicDl.Audio;

namespace MusicDl.Downloading;

/// <summary>
/// ffmpeg, ffprobe or yt-dlp failing the same way on <see cref="Limit"/> tracks in a row is the tool's trouble, not
/// the tracks': the run stops (exit 3) naming the tool and what it printed, escaped and cut, before more YouTube
/// requests are spent on tracks that would fail alike. A placed track, or a different failure, starts the count anew.
/// </summary>
internal sealed partial class ToolFailureStreak(int limit)
{
    private const int ShownChars = 300;
    private readonly Lock _gate = new();
    private string? _key;
    private int _count;

    public int Limit { get; } = limit;

    /// <summary>A track was placed: the tools work.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            (_key, _count) = (null, 0);
        }
    }

    /// <summary>Counts a track's failure when a tool caused it; throws <see cref="RunAbortedException"/> at the limit.</summary>
    public void Count(Exception ex)
    {
        if (ToolOf(ex) is not var (tool, message))
        {
            return;
        }

        // The same way: the same tool and the same words, once file names and video ids are set aside.
        var key = tool + "\n" + Volatile().Replace(message, "…");
        lock (_gate)
        {
            (_key, _count) = _key == key ? (_key, _count + 1) : (key, 1);
            if (_count < Limit)
            {
                return;
            }
        }

        throw new RunAbortedException(
            $"{tool} failed the same way on {Limit} tracks in a row, so the run stops: {Escape(message)}. " +
            $"Check that {tool} works on this machine ({tool.Replace('-', '_')}_path, or run `musicdl doctor`), then run again.",
            ex);
    }

    /// <summary>Control characters (escapes, NUL, line breaks) as <c>\xNN</c>, cut to a line's worth.</summary>
    internal static string Escape(string text, int shownChars = ShownChars)
    {
        var sb = new StringBuilder(Math.Min(text.Length, shownChars) + 16);
        foreach (var c in text)
        {
            if (sb.Length >= shownChars)
            {
                sb.Append('…');
                break;
            }

            if (char.IsControl(c))
            {
                sb.Append("\\x").Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static (string Tool, string Message)? ToolOf(Exception ex) => ex switch
    {
        TrackFailedException { InnerException: ConversionFailedException c } =>
            (c.Message.StartsWith("ffprobe", StringComparison.Ordinal) ? "ffprobe" : "ffmpeg", c.Message),
        TrackFailedException { Service: "yt-dlp" } t => ("yt-dlp", t.Message),
        TrackFailedException { Service: "ffmpeg" } t => ("ffmpeg", t.Message),
        _ => null,
    };

    // Quoted names ('x.m4a'), 11-character video ids after "video", paths.
    [GeneratedRegex(@"'[^']*'|(?<=video )[A-Za-z0-9_-]{11}|(/[^\s/:]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Volatile();
}

using System.Diagnostics;
using System.Globalization;

namespace MusicDl.Profiling;

/// <summary>
/// Opt-in phase timing for the warm-path benchmark (docs/performance.md, issue 22 §3): each <see cref="Mark"/> notes
/// the wall time since the process started and the process's CPU time so far. Off unless Program.Main switches it on
/// (MUSICDL_PHASES=1); off, a mark is one volatile read, so the marks stay in the code.
/// </summary>
public static class Phases
{
    private static readonly Lock Gate = new();
    private static List<(string Name, long Timestamp, TimeSpan Cpu)>? _marks;
    private static DateTime _processStart;
    private static long _startTimestamp;

    public static bool Enabled => Volatile.Read(ref _marks) is not null;

    /// <summary>Starts recording (once per process; the first mark is "main").</summary>
    public static void Start()
    {
        using var process = Process.GetCurrentProcess();
        _processStart = process.StartTime.ToUniversalTime();
        _startTimestamp = Stopwatch.GetTimestamp();
        Volatile.Write(ref _marks, []);
        Mark("main");
    }

    /// <summary>Notes that the phase named <paramref name="name"/> has just ended.</summary>
    public static void Mark(string name)
    {
        var marks = Volatile.Read(ref _marks);
        if (marks is null)
        {
            return;
        }

        var cpu = Environment.CpuUsage.TotalTime;
        var now = Stopwatch.GetTimestamp();
        lock (Gate)
        {
            marks.Add((name, now, cpu));
        }
    }

    /// <summary>One line per mark: wall ms since process start, CPU ms so far, and each's growth since the mark before.</summary>
    public static void WriteTo(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var marks = Volatile.Read(ref _marks);
        if (marks is null)
        {
            return;
        }

        // Wall time before Main: process start to the first mark (runtime start-up, assembly loading).
        var beforeMain = DateTime.UtcNow - _processStart - Stopwatch.GetElapsedTime(_startTimestamp);
        var previousWall = 0.0;
        var previousCpu = 0.0;
        writer.WriteLine("phase                           wall_ms  +wall   cpu_ms   +cpu");
        lock (Gate)
        {
            foreach (var (name, timestamp, cpu) in marks)
            {
                var wall = (beforeMain + Stopwatch.GetElapsedTime(_startTimestamp, timestamp)).TotalMilliseconds;
                var cpuMs = cpu.TotalMilliseconds;
                writer.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{name,-30} {wall,8:F1} {wall - previousWall,6:F1} {cpuMs,8:F1} {cpuMs - previousCpu,6:F1}"));
                previousWall = wall;
                previousCpu = cpuMs;
            }
        }
    }
}

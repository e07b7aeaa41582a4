using System.Globalization;
using System.Text;
using MusicDl.Caching;
using MusicDl.Downloading;
using MusicDl.Models;
using MusicDl.Output;
using MusicDl.Runs;

namespace MusicDl.Cli;

/// <summary>
/// Everything a run prints. stdout carries results only (a plain line or a JSON line per track, then the summary
/// with --json); the live progress and the statistics table go to stderr. The progress block is drawn only on a
/// terminal without NO_COLOR; it is cleared before each result line and drawn again after it, so the two streams
/// never garble each other on one screen. Without the block (a pipe, a file, -q, NO_COLOR) result lines are written in
/// batches, off the thread that reports the track: at most <see cref="BatchDelay"/> after the first waiting line, or
/// as soon as a pool thread can past <see cref="BatchSize"/>, and before any other output and at the end
/// (<see cref="WritePending"/>). A warm run of 10,000 tracks made 10,000 writes, each under the run's emit lock, which
/// the other tracks' threads spun on (docs/performance.md, issue 22 §3).
/// </summary>
internal sealed class ConsoleReporter(TextWriter stdout, TextWriter stderr, bool json, bool quiet, bool interactive) : IRunObserver
{
    private const int MaxActiveLines = 8;

    /// <summary>JSON track lines carry their scored candidates (<c>match --json --explain</c>).</summary>
    public bool Explain { get; init; }

    /// <summary>The clock of the batch delay.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>How long a result line may wait to be written with others.</summary>
    internal static readonly TimeSpan BatchDelay = TimeSpan.FromMilliseconds(50);

    /// <summary>Waiting lines of this many characters are written at once.</summary>
    internal const int BatchSize = 32 * 1024;

    private readonly Lock _gate = new();
    // Lines waiting, under _gate. Writers take _writeGate, then _gate only to take the batch: one batch at a time,
    // in order, and a track's report never waits for a write.
    private readonly Lock _writeGate = new();
    private StringBuilder _pending = new();
    private ITimer? _batchTimer;
    private bool _batchQueued;
    private readonly Dictionary<string, string> _active = new(StringComparer.Ordinal);
    private int _total;
    private int _done;
    private int _drawnLines;

    public void Planned(int tracks)
    {
        lock (_gate)
        {
            _total = tracks;
            Redraw();
        }
    }

    public void TrackStarted(PlannedTrack track)
    {
        ArgumentNullException.ThrowIfNull(track);
        if (!interactive)
        {
            // What runs is shown only in the progress block.
            return;
        }

        lock (_gate)
        {
            _active[track.Track.Id] = $"{track.Track.FirstArtist} - {track.Track.Title}";
            Redraw();
        }
    }

    public void TrackFinished(TrackOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var line = json ? OutputJson.Track(outcome, Explain) : PlainLine(outcome);
        lock (_gate)
        {
            if (outcome.SpotifyId is { } id && _active.Remove(id))
            {
                _done++;
            }

            WriteResult(line);
        }
    }

    public void SourceFailed(SourceFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var line = json ? OutputJson.Source(failure) : $"failed\t{PlainText.Escape(failure.Source)}\t{PlainText.Escape(failure.Error)}";
        lock (_gate)
        {
            WriteResult(line);
        }
    }

    /// <summary>Writes the result lines still waiting (a run ending by an exception, too).</summary>
    public void WritePending()
    {
        lock (_writeGate)
        {
            StringBuilder batch;
            lock (_gate)
            {
                _batchTimer?.Dispose();
                _batchTimer = null;
                _batchQueued = false;
                if (_pending.Length == 0)
                {
                    return;
                }

                batch = _pending;
                _pending = new StringBuilder(batch.Capacity);
            }

            stdout.Write(batch);
            stdout.Flush();
        }
    }

    /// <summary>The end of a run: the summary (JSON) and the statistics table (stderr, unless quiet).</summary>
    public void Complete(RunSummary summary, string? abortMessage)
    {
        ArgumentNullException.ThrowIfNull(summary);
        WritePending();
        lock (_gate)
        {
            Clear();
            _active.Clear();
            if (json)
            {
                stdout.WriteLine(OutputJson.Summary(summary));
                stdout.Flush();
            }

            if (abortMessage is not null)
            {
                stderr.WriteLine($"musicdl: {abortMessage}");
            }

            if (!quiet)
            {
                stderr.WriteLine(
                    $"{Counts(summary)} in {summary.ElapsedS.ToString("0.0", CultureInfo.InvariantCulture)} s; " +
                    $"requests: spotify {summary.Requests.Spotify}, search {summary.Requests.Search}, player {summary.Requests.Player}, media {summary.Requests.Media}");
                stderr.Write(CacheStatisticsTable.Format(summary.Cache));
            }

            stderr.Flush();
        }
    }

    /// <summary>The counts always shown, then those of the other statuses when there are any: every track is counted.</summary>
    public static string Counts(RunSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var parts = new List<string> { $"{s.Downloaded} downloaded", $"{s.Skipped} skipped", $"{s.Retagged} retagged" };
        foreach (var (count, name) in new[] { (s.Matched, "matched"), (s.Planned, "planned"), (s.Missing, "missing"), (s.Excluded, "excluded"), (s.Pruned, "pruned") })
        {
            if (count > 0)
            {
                parts.Add($"{count} {name}");
            }
        }

        parts.AddRange([$"{s.NotFound} not found", $"{s.Failed} failed", $"{s.Unsupported} unsupported"]);
        if (s.SourcesFailed > 0)
        {
            parts.Add($"{s.SourcesFailed} sources failed");
        }

        if (s.FromPublicPages > 0)
        {
            parts.Add($"{s.FromPublicPages} read from Spotify's public pages");
        }

        return string.Join(", ", parts);
    }

    /// <summary>
    /// One result line: status, who, where or why, tab-separated. Control characters from the services (a newline, a
    /// tab, a NUL in a title) would forge extra lines or columns, so they are shown escaped.
    /// </summary>
    public static string PlainLine(TrackOutcome o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var who = o.Artists.Count > 0 ? $"{string.Join(", ", o.Artists.Select(PlainText.Escape))} - {PlainText.Escape(o.Title)}" : PlainText.Escape(o.Title ?? "(unknown)");
        var where = o.Status switch
        {
            TrackStatus.Downloaded or TrackStatus.Skipped or TrackStatus.Retagged or TrackStatus.Pruned => PlainText.Escape(o.Path),
            TrackStatus.Planned or TrackStatus.Matched => o.VideoId is null ? PlainText.Escape(o.Path ?? o.Error) : $"{PlainText.Escape(VideoId.WatchUrlOf(o.VideoId))} ({o.Score?.ToString("0.00", CultureInfo.InvariantCulture)}){(o.Path is null ? string.Empty : " -> " + PlainText.Escape(o.Path))}",
            _ => PlainText.Escape(o.Error),
        };
        return $"{OutputJson.StatusName(o.Status)}\t{who}\t{where}";
    }

    // Under _gate. With the progress block each line is written at once, the block cleared around it.
    private void WriteResult(string line)
    {
        if (interactive)
        {
            Clear();
            stdout.WriteLine(line);
            stdout.Flush();
            Redraw();
            return;
        }

        _pending.Append(line).Append(stdout.NewLine);
        if (_pending.Length >= BatchSize && !_batchQueued)
        {
            _batchQueued = true;
            ThreadPool.UnsafeQueueUserWorkItem(static reporter => reporter.WritePending(), this, preferLocal: false);
        }
        else
        {
            _batchTimer ??= Time.CreateTimer(static reporter => ((ConsoleReporter)reporter!).WritePending(), this, BatchDelay, Timeout.InfiniteTimeSpan);
        }
    }

    private void Clear()
    {
        if (!interactive || _drawnLines == 0)
        {
            return;
        }

        // Up to the first line of the block, then erase to the end of the screen.
        stderr.Write($"\u001b[{_drawnLines}F\u001b[J");
        stderr.Flush();
        _drawnLines = 0;
    }

    private void Redraw()
    {
        if (!interactive)
        {
            return;
        }

        Clear();
        const int width = 30;
        var filled = _total == 0 ? 0 : (int)Math.Round(width * (double)_done / _total);
        var lines = new List<string> { $"[{new string('#', filled)}{new string('.', width - filled)}] {_done}/{_total}" };
        lines.AddRange(_active.Values.Take(MaxActiveLines).Select(PlainText.Escape).Select(a => "  " + (a.Length > 70 ? a[..69] + "…" : a)));
        if (_active.Count > MaxActiveLines)
        {
            lines.Add($"  … and {_active.Count - MaxActiveLines} more");
        }

        foreach (var line in lines)
        {
            stderr.WriteLine(line);
        }

        stderr.Flush();
        _drawnLines = lines.Count;
    }
}

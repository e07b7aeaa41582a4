using System.Diagnostics;
using System.Text;

namespace MusicDl.Tests.Harness;

/// <summary>
/// A musicdl process running in the background whose stderr a test reads line by line as it comes, so that it can
/// wait for the run to say it reached a point (say, waiting for a lock) instead of sleeping and hoping it did.
/// </summary>
public sealed class WatchedRun : IDisposable
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _stderr = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _watchers = [];
    private readonly Task<string> _stdout;
    private readonly Task _stderrRead;
    private bool _stderrEnded;

    public WatchedRun(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        Process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderrRead = ReadStderrAsync();
    }

    public Process Process { get; }

    /// <summary>
    /// Completes with the first stderr line that matches (one already printed counts); faults when the run closes
    /// its stderr without printing one.
    /// </summary>
    public Task<string> StderrLineAsync(Func<string, bool> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        lock (_gate)
        {
            foreach (var line in _stderr.ToString().Split('\n'))
            {
                if (match(line))
                {
                    return Task.FromResult(line);
                }
            }

            if (_stderrEnded)
            {
                return Task.FromException<string>(new InvalidOperationException($"the run ended without that line; stderr:\n{_stderr}"));
            }

            var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _watchers.Add((match, seen));
            return seen.Task;
        }
    }

    /// <summary>Waits for the process to end and returns what it printed.</summary>
    public async Task<MusicDlResult> WaitAsync(TimeSpan timeout)
    {
        await Process.WaitForExitAsync().WaitAsync(timeout);
        await _stderrRead.WaitAsync(timeout);
        string stderr;
        lock (_gate)
        {
            stderr = _stderr.ToString();
        }

        return new MusicDlResult(Process.ExitCode, await _stdout, stderr);
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        Process.Dispose();
    }

    private async Task ReadStderrAsync()
    {
        while (await Process.StandardError.ReadLineAsync() is { } line)
        {
            lock (_gate)
            {
                _stderr.Append(line).Append('\n');
                foreach (var watcher in _watchers.Where(w => w.Match(line)).ToList())
                {
                    watcher.Seen.TrySetResult(line);
                    _watchers.Remove(watcher);
                }
            }
        }

        lock (_gate)
        {
            _stderrEnded = true;
            foreach (var watcher in _watchers)
            {
                watcher.Seen.TrySetException(new InvalidOperationException($"the run ended without that line; stderr:\n{_stderr}"));
            }

            _watchers.Clear();
        }
    }
}

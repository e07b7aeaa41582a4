using Microsoft.Extensions.Time.Testing;
using MusicDl.Cli;
using MusicDl.Models;
using MusicDl.Output;

namespace MusicDl.Tests.Cli;

/// <summary>Result lines without the progress block are written in batches (issue 22 §3), never lost or reordered.</summary>
public sealed class ConsoleReporterTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly LockedWriter _stdout = new() { NewLine = "\n" };

    [Fact]
    public void Lines_wait_at_most_the_batch_delay_and_come_out_in_order()
    {
        var reporter = Reporter(interactive: false);
        reporter.TrackFinished(Outcome("one"));
        reporter.TrackFinished(Outcome("two"));

        Assert.Equal(string.Empty, _stdout.ToString());
        _time.Advance(ConsoleReporter.BatchDelay);
        Assert.Equal(["one", "two"], Titles());
    }

    [Fact]
    public void Waiting_lines_are_written_before_the_summary_and_when_asked()
    {
        var reporter = Reporter(interactive: false);
        reporter.TrackFinished(Outcome("one"));
        reporter.WritePending();
        Assert.Equal(["one"], Titles());

        reporter.TrackFinished(Outcome("two"));
        reporter.Complete(new RunSummary(), null);

        var lines = _stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"two\"", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("{\"summary\"", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_batch_is_written_at_once()
    {
        var reporter = Reporter(interactive: false);
        var title = new string('x', 1000);
        for (var i = 0; i < ConsoleReporter.BatchSize / 1000; i++)
        {
            reporter.TrackFinished(Outcome(title));
        }

        // Written by a pool thread at once, with no clock advanced.
        Assert.True(SpinWait.SpinUntil(() => Written().Length > 0, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void With_the_progress_block_each_line_is_written_at_once()
    {
        var reporter = Reporter(interactive: true);
        reporter.TrackFinished(Outcome("one"));

        Assert.Equal(["one"], Titles());
    }

    private string Written() => _stdout.ToString();

    private ConsoleReporter Reporter(bool interactive) =>
        new(_stdout, TextWriter.Null, json: true, quiet: true, interactive) { Time = _time };

    private static TrackOutcome Outcome(string title) => new() { Title = title, Status = TrackStatus.Skipped, Path = title + ".m4a" };

    private string[] Titles() =>
        [.. _stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("title").GetString()!)];

    /// <summary>stdout as a pool thread writes it while the test reads it.</summary>
    private sealed class LockedWriter : StringWriter
    {
        private readonly Lock _gate = new();

        public override void Write(char value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override void Write(char[] buffer, int index, int count)
        {
            lock (_gate)
            {
                base.Write(buffer, index, count);
            }
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            lock (_gate)
            {
                base.Write(buffer);
            }
        }

        public override string ToString()
        {
            lock (_gate)
            {
                return base.ToString();
            }
        }
    }
}

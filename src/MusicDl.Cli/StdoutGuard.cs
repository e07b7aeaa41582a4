using System.Text;
using Microsoft.Win32.SafeHandles;
using MusicDl.Output;

namespace MusicDl.Cli;

/// <summary>
/// stdout that cannot fail the process: a closed stdout (<c>&gt;&amp;-</c>) or a reader gone (EPIPE) is noted
/// once, the run is stopped through <see cref="Broken"/>, and every later write is dropped. Program then ends with
/// exit 3 and one line on stderr, where the summary went too.
/// </summary>
internal sealed class StdoutGuard : TextWriter
{
    private readonly object _gate = new();
    private readonly TextWriter _inner;
    private readonly CancellationTokenSource _broken = new();

    private StdoutGuard(TextWriter inner) => _inner = inner;

    /// <summary>Why stdout could not be written (null while it can).</summary>
    public string? Failure { get; private set; }

    /// <summary>Cancelled at the first failed write.</summary>
    public CancellationToken Broken => _broken.Token;

    public override Encoding Encoding => _inner.Encoding;

    /// <summary>
    /// The process's stdout. A pipe or socket is written through a stream of our own, because .NET's console stream
    /// drops EPIPE silently and a run would go on writing to nobody; a terminal or a file keeps the console writer.
    /// </summary>
    public static StdoutGuard Create()
    {
        if (OperatingSystem.IsLinux() && NamedFile.KindOf("/proc/self/fd/1", followLinks: true) is PathKind.Fifo or PathKind.Socket)
        {
            try
            {
                var stream = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, 1);
                return new StdoutGuard(new StreamWriter(stream, new UTF8Encoding(false), 4096) { AutoFlush = true, NewLine = "\n" });
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                // Fall back to the console writer; its first failure is caught like any other.
            }
        }

        return new StdoutGuard(Console.Out);
    }

    public override void Write(char value) => Guarded(w => w.Write(value));

    public override void Write(string? value) => Guarded(w => w.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guarded(w => w.Write(buffer, index, count));

    public override void WriteLine(string? value) => Guarded(w => w.WriteLine(value));

    public override void WriteLine() => Guarded(w => w.WriteLine());

    public override void Flush() => Guarded(w => w.Flush());

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _broken.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Guarded(Action<TextWriter> write)
    {
        lock (_gate)
        {
            if (Failure is not null)
            {
                return;
            }

            try
            {
                write(_inner);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
            {
                Failure = (e.InnerException ?? e).Message;
                _broken.Cancel();
            }
        }
    }
}

using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace MusicDl.Cli;

/// <summary>Writes log events to a TextWriter (stderr of this invocation, or the log file), one at a time.</summary>
internal sealed class TextWriterSink(TextWriter writer, ITextFormatter formatter) : ILogEventSink
{
    private readonly Lock _gate = new();

    public void Emit(LogEvent logEvent)
    {
        lock (_gate)
        {
            formatter.Format(logEvent, writer);
            writer.Flush();
        }
    }
}

using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;
using Serilog.Formatting.Display;

namespace MusicDl.Cli;

/// <summary>
/// The log of one invocation: stderr (already redacting) at the level -v/-q choose, and the --log-file with
/// timestamps, also redacted. Created on first use so that paths that do not log stay fast.
/// </summary>
internal sealed class CliLogging(TextWriter stderr, SecretList secrets, bool verbose, bool quiet, FileInfo? logFile) : IDisposable
{
    private Serilog.Core.Logger? _serilog;
    private SerilogLoggerFactory? _factory;
    private RedactingTextWriter? _fileWriter;

    public ILoggerFactory Factory
    {
        get
        {
            if (_factory is null)
            {
                var level = verbose ? LogEventLevel.Debug : quiet ? LogEventLevel.Warning : LogEventLevel.Information;
                var config = new LoggerConfiguration()
                    .MinimumLevel.Is(level)
                    .WriteTo.Sink(new TextWriterSink(stderr, new MessageTemplateTextFormatter("{Level:u3} {Message:lj}{NewLine}{Exception}")));
                if (logFile is not null)
                {
                    _fileWriter = new RedactingTextWriter(new StreamWriter(logFile.FullName, append: true) { AutoFlush = true }, () => secrets.Current);
                    config = config.WriteTo.Sink(new TextWriterSink(
                        _fileWriter,
                        new MessageTemplateTextFormatter("{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} {Level:u3} {Message:lj}{NewLine}{Exception}")));
                }

                _serilog = config.CreateLogger();
                _factory = new SerilogLoggerFactory(_serilog, dispose: false);
            }

            return _factory;
        }
    }

    public void Dispose()
    {
        _factory?.Dispose();
        _serilog?.Dispose();
        _fileWriter?.Flush();
    }
}

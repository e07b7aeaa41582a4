using System.CommandLine;
using Microsoft.Extensions.Logging;
using MusicDl.Configuration;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Display;
using Serilog.Extensions.Logging;

namespace MusicDl.Cli;

/// <summary>What one command invocation shares: the resolved config file, the effective settings, the log.</summary>
internal sealed partial class CommandContext : IDisposable
{
    // Replaced, never mutated, so the writers can read it from any thread without a lock.
    private volatile string[] _secrets = [];
    private Serilog.Core.Logger? _serilog;
    private SerilogLoggerFactory? _loggerFactory;

    private CommandContext(CliApp app, ParseResult parse, string? configPath)
    {
        App = app;
        Parse = parse;
        ConfigPath = configPath;
        Quiet = parse.GetValue(app.Options.Quiet);
        Verbose = parse.GetValue(app.Options.Verbose);
        Json = parse.GetValue(app.Options.Json);
        NoColor = parse.GetValue(app.Options.NoColor) || app.Environment.ContainsKey("NO_COLOR");
        Stderr = new RedactingTextWriter(app.Stderr, () => _secrets);
    }

    public CliApp App { get; }

    public ParseResult Parse { get; }

    /// <summary>The config file named by --config or the positional CONFIG, if any.</summary>
    public string? ConfigPath { get; }

    public bool Quiet { get; }

    public bool Verbose { get; }

    public bool Json { get; }

    public bool NoColor { get; }

    /// <summary>stderr with every known secret redacted.</summary>
    public TextWriter Stderr { get; }

    public TextWriter Stdout => App.Stdout;

    public static CommandContext Create(CliApp app, ParseResult parse, FileInfo? positionalConfig)
    {
        var option = parse.GetValue(app.Options.Config);
        if (option is not null && positionalConfig is not null &&
            !string.Equals(Path.GetFullPath(option.FullName), Path.GetFullPath(positionalConfig.FullName), StringComparison.Ordinal))
        {
            throw new UsageException($"two config files given: --config '{option}' and '{positionalConfig}'; name one.");
        }

        return new CommandContext(app, parse, (option ?? positionalConfig)?.FullName);
    }

    /// <summary>Registers a value that must never reach stderr or the log.</summary>
    public void AddSecret(string? secret)
    {
        if (!string.IsNullOrEmpty(secret))
        {
            _secrets = [.. _secrets, secret];
        }
    }

    /// <summary>The log, created on first use so that paths that do not log stay fast.</summary>
    public ILoggerFactory Logging
    {
        get
        {
            if (_loggerFactory is null)
            {
                var level = Verbose ? LogEventLevel.Debug : Quiet ? LogEventLevel.Warning : LogEventLevel.Information;
                var config = new LoggerConfiguration()
                    .MinimumLevel.Is(level)
                    .WriteTo.Sink(new TextWriterSink(Stderr, new MessageTemplateTextFormatter("{Level:u3} {Message:lj}{NewLine}{Exception}")));
                if (Parse.GetValue(App.Options.LogFile) is { } logFile)
                {
                    var fileWriter = new RedactingTextWriter(new StreamWriter(logFile.FullName, append: true) { AutoFlush = true }, () => _secrets);
                    config = config.WriteTo.Sink(new TextWriterSink(
                        fileWriter,
                        new MessageTemplateTextFormatter("{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} {Level:u3} {Message:lj}{NewLine}{Exception}")));
                }

                _serilog = config.CreateLogger();
                _loggerFactory = new SerilogLoggerFactory(_serilog, dispose: false);
            }

            return _loggerFactory;
        }
    }

    public void Dispose()
    {
        _loggerFactory?.Dispose();
        _serilog?.Dispose();
        Stderr.Flush();
    }

    /// <summary>The loaded config file (or defaults), set by <see cref="LoadAsync"/>.</summary>
    public LoadedConfig? Config { get; private set; }

    /// <summary>Loads the config (file, environment), applies the command line, reports warnings and notes.</summary>
    public async Task<MusicDlSettings> LoadAsync(CancellationToken cancellationToken)
    {
        var loader = new ConfigLoader(App.Environment);
        var config = await loader.LoadAsync(ConfigPath, cancellationToken);
        Config = config;
        AddSecret(config.Settings.ClientSecret);
        AddSecret(SecretMasker.RedisPassword(config.Settings.CacheRedis));
        var settings = SettingsBinder.ApplyCommandLine(config.Settings, Parse, App.Options);
        var log = Logging.CreateLogger("config");
        foreach (var warning in config.Warnings)
        {
            log.LogWarning("{Warning}", warning);
        }

        foreach (var note in config.Notes)
        {
            // Running on defaults is normal for `download`; say it only when asked for detail.
            if (config.Path is null)
            {
                log.LogDebug("{Note}", note);
            }
            else
            {
                log.LogInformation("{Note}", note);
            }
        }

        return settings;
    }
}

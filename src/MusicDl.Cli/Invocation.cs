using System.CommandLine;
using Microsoft.Extensions.Logging;
using MusicDl.Caching;
using MusicDl.Configuration;
using MusicDl.Spotify;

namespace MusicDl.Cli;

/// <summary>What one command invocation shares: its streams (stderr redacted), its log, its config and settings.</summary>
internal sealed class Invocation : IDisposable
{
    private readonly CliLogging _logging;

    private Invocation(CliApp app, ParseResult parse, string? configPath)
    {
        App = app;
        Parse = parse;
        ConfigPath = configPath;
        Quiet = parse.GetValue(app.Options.Quiet);
        NoColor = parse.GetValue(app.Options.NoColor) || app.Environment.ContainsKey("NO_COLOR");
        Stderr = new RedactingTextWriter(app.Stderr, () => Secrets.Current);
        var logFile = parse.GetValue(app.Options.LogFile);
        CheckLogFile(logFile);
        _logging = new CliLogging(Stderr, Secrets, parse.GetValue(app.Options.Verbose), Quiet, logFile);
    }

    public CliApp App { get; }

    public ParseResult Parse { get; }

    /// <summary>The config file named by --config or the positional CONFIG, if any.</summary>
    public string? ConfigPath { get; }

    public bool Quiet { get; }

    public bool NoColor { get; }

    public SecretList Secrets => App.Secrets;

    /// <summary>stderr with every known secret redacted.</summary>
    public TextWriter Stderr { get; }

    public TextWriter Stdout => App.Stdout;

    public ILoggerFactory Logging => _logging.Factory;

    /// <summary>The loaded config file (or defaults), set by <see cref="LoadSettingsAsync"/>.</summary>
    public LoadedConfig? Config { get; private set; }

    public static Invocation Create(CliApp app, ParseResult parse, FileInfo? positionalConfig)
    {
        var option = parse.GetValue(app.Options.Config);
        if (option is not null && positionalConfig is not null &&
            !string.Equals(Path.GetFullPath(option.FullName), Path.GetFullPath(positionalConfig.FullName), StringComparison.Ordinal))
        {
            throw new UsageException($"two config files given: --config '{option}' and '{positionalConfig}'; name one.");
        }

        return new Invocation(app, parse, (option ?? positionalConfig)?.FullName);
    }

    /// <summary>The effective settings: command line over environment over file over defaults.</summary>
    public async Task<MusicDlSettings> LoadSettingsAsync(CancellationToken cancellationToken)
    {
        var (config, settings) = await SettingsLoader.LoadAsync(this, cancellationToken);
        Config = config;
        return settings;
    }

    /// <summary>The default cache file follows this invocation's environment (XDG_CACHE_HOME), not the process's.</summary>
    public MusicDlSettings WithDefaultCacheFile(MusicDlSettings settings) =>
        settings.CacheFile is not null
            ? settings
            : settings with { CacheFile = App.DefaultCacheFile() };

    /// <summary>The login file lives beside the config file, in the folder the sandboxed environment names.</summary>
    public SpotifyClientOptions SpotifyOptions() => new()
    {
        ConfigDirectory = LoginDirectory,
        TimeProvider = App.Time,
    };

    /// <summary>What a run gets from this invocation besides its settings: logging, the clock, PATH, the login folder.</summary>
    public Composition.RunHost RunHost() => new(Logging, LoginDirectory) { PathVariable = App.PathVariable, Time = App.Time };

    private string LoginDirectory => Path.GetDirectoryName(new ConfigLoader(App.Environment).Paths.DefaultConfigFile)!;

    /// <summary>A log file that cannot be written is bad input: said now, in one line, not at the first log line.</summary>
    private static void CheckLogFile(FileInfo? logFile)
    {
        if (logFile is null)
        {
            return;
        }

        if (Directory.Exists(logFile.FullName))
        {
            throw new UsageException($"--log-file '{logFile}' is a folder; name a file.");
        }

        if (Output.NamedFile.WriteProblem(logFile.FullName) is { } problem)
        {
            // Opening a FIFO would block; a device or a symlink is not ours to write.
            throw new UsageException($"--log-file '{logFile}' {problem}.");
        }

        try
        {
            using var probe = new FileStream(logFile.FullName, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"--log-file '{logFile}': {ex.Message}");
        }
    }

    public void Dispose()
    {
        _logging.Dispose();
        Stderr.Flush();
    }
}

using System.CommandLine;
using MusicDl.Cli.Commands;
using MusicDl.Downloading;
using MusicDl.Output;
using MusicDl.Runs;

namespace MusicDl.Cli;

/// <summary>
/// Builds the command tree and runs one invocation with the given streams and environment. This is the one place the
/// process's surroundings enter: Program.Main passes the real stdout, stderr, stdin and environment variables; tests
/// pass their own (CliRunner, MusicDlSandbox in process). Below it nothing reads the process environment: settings
/// (ConfigLoader), the login folder (SpotifyClientOptions.ConfigDirectory), the default cache file (CachePaths) and
/// the tools (PATH, ExecutableLocator) are all given what this instance holds.
/// </summary>
internal sealed class CliApp
{
    private readonly CliOptions _o = new();

    public CliApp(TextWriter stdout, TextWriter stderr, IReadOnlyDictionary<string, string> environment, TextReader? stdin = null)
    {
        Stdout = stdout;
        Stderr = stderr;
        Environment = environment;
        Stdin = stdin ?? TextReader.Null;
        Root = Build();
    }

    public TextWriter Stdout { get; }

    public TextWriter Stderr { get; }

    public TextReader Stdin { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>This invocation's PATH: where ffmpeg, ffprobe, yt-dlp and the JavaScript runtimes are looked for.</summary>
    public string? PathVariable => Environment.GetValueOrDefault("PATH");

    /// <summary>The default cache file of this invocation's environment ($XDG_CACHE_HOME, $HOME, %LOCALAPPDATA%).</summary>
    public string DefaultCacheFile() => Caching.CachePaths.DefaultFile(name => Environment.GetValueOrDefault(name), OperatingSystem.IsWindows());

    public RootCommand Root { get; }

    /// <summary>True when stderr is a terminal: the live progress block is drawn only then.</summary>
    public bool StderrIsTerminal { get; init; }

    public CliOptions Options => _o;

    /// <summary>
    /// The clock of every run and check this invocation starts (request timeouts, back-off, Retry-After, pacing,
    /// pre-roll waits, lock and state waits, elapsed times): Program.Main gives the system's, tests their own.
    /// </summary>
    public required TimeProvider Time { get; init; }

    /// <summary>Fires on a second interrupt: running tracks are cancelled at once (cleanup and state still happen).</summary>
    public CancellationToken Immediate { get; init; }

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var parse = Root.Parse(Preprocess(args));
        if (parse.Errors.Count > 0)
        {
            // One line, not a page of help: scripts read the first line of stderr.
            var messages = parse.Errors.Select(e => e.Message.TrimEnd('.')).Distinct(StringComparer.Ordinal);
            Stderr.WriteLine($"musicdl: {string.Join("; ", messages).ReplaceLineEndings(" ")} (see 'musicdl --help')");
            return (int)ExitCode.Usage;
        }

        var config = new InvocationConfiguration
        {
            Output = Stdout,
            Error = Stderr,
            EnableDefaultExceptionHandler = false,

            // Signals are handled in Program, with a grace period the pipeline controls.
            ProcessTerminationTimeout = null,
        };
        // Everything printed about a failure goes through the redacting writer: an exception message may quote a secret.
        var stderr = new RedactingTextWriter(Stderr, () => Secrets.Current);
        try
        {
            return await parse.InvokeAsync(config, cancellationToken);
        }
        catch (UsageException ex)
        {
            return Fail(parse, stderr, ExitCode.Usage, ex.Message, null);
        }
        catch (Exception ex) when (Failures.ExitCodeOf(ex) is { } code)
        {
            // Core knows which failures are whose and what each earns.
            return Fail(parse, stderr, code, code == ExitCode.Interrupted ? "interrupted" : ex.Message, parse.GetValue(_o.Verbose) ? ex : null);
        }
        catch (Exception ex)
        {
            // The last resort: a failure nobody classified is a bug, but it still gets one line and exit 3, not
            // .NET's abort with a page of stack trace (which would bypass the redaction). The trace only with -v.
            var verbose = parse.GetValue(_o.Verbose);
            return Fail(parse, stderr, ExitCode.CannotProceed, $"internal error: {ex.Message}{(verbose ? string.Empty : " (run with -v for details)")}", verbose ? ex : null);
        }
        finally
        {
            stderr.Flush();
        }
    }

    /// <summary>The secret values of this invocation (client secret, Redis password), kept from every error line.</summary>
    internal SecretList Secrets { get; } = new();

    /// <summary>
    /// One line on stderr; under --json a run that could not start still ends stdout with its summary line, so
    /// scripts reading the last line get the exit code and the reason.
    /// </summary>
    private int Fail(ParseResult parse, TextWriter stderr, ExitCode code, string message, Exception? detail)
    {
        stderr.WriteLine($"musicdl: {message.TrimEnd()}");
        if (detail is not null)
        {
            stderr.WriteLine(detail.ToString());
        }

        if (parse.CommandResult.Command.Name is "download" or "sync" or "match" && JsonAsked(parse))
        {
            Stdout.WriteLine(OutputJson.Summary(new RunSummary { ExitCode = (int)code, Error = message.TrimEnd() }));
            Stdout.Flush();
        }

        return (int)code;
    }

    private bool JsonAsked(ParseResult parse)
    {
        try
        {
            return parse.GetValue(_o.Json);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// A bare <c>--wait</c> means "no limit"; rewriting it to <c>--wait=unlimited</c> keeps the parser from
    /// taking the next argument (a URL) as its value, while <c>--wait=30m</c> still works.
    /// </summary>
    internal static string[] Preprocess(string[] args) =>
        args.Select(a => a == "--wait" ? "--wait=unlimited" : a).ToArray();

    private RootCommand Build()
    {
        var root = new RootCommand(
            "musicdl: download Spotify tracks, albums, playlists, artists and Liked Songs from YouTube Music, " +
            "converted, tagged and filed.\n\n" + ExitCodeHelp.Text);
        foreach (var option in new Option[] { _o.Config, _o.Verbose, _o.Quiet, _o.LogFile, _o.NoColor })
        {
            root.Options.Add(option);
        }

        root.Subcommands.Add(DownloadCommand.Create(this));
        root.Subcommands.Add(SyncCommand.Create(this));
        root.Subcommands.Add(MatchCommand.Create(this));
        root.Subcommands.Add(CacheCommand.Create(this));
        root.Subcommands.Add(ConfigCommand.Create(this));
        root.Subcommands.Add(AuthCommand.Create(this));
        root.Subcommands.Add(DoctorCommand.Create(this));
        root.Subcommands.Add(CompletionCommand.Create(this));
        CompletionValues.Attach(root);
        return root;
    }
}

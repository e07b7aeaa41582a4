using System.CommandLine;
using MusicDl.Cli.Commands;
using MusicDl.Output;
using MusicDl.Runs;

namespace MusicDl.Cli;

/// <summary>Builds the command tree and runs one invocation with the given streams and environment.</summary>
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

    public RootCommand Root { get; }

    /// <summary>True when stderr is a terminal: the live progress block is drawn only then.</summary>
    public bool StderrIsTerminal { get; init; }

    public CliOptions Options => _o;

    /// <summary>Fires on a second interrupt: running tracks are cancelled at once (cleanup and state still happen).</summary>
    public CancellationToken Immediate { get; init; }

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var parse = Root.Parse(Preprocess(args));
        if (parse.Errors.Count > 0)
        {
            // One line, not a page of help: scripts read the first line of stderr.
            var messages = parse.Errors.Select(e => e.Message.TrimEnd('.')).Distinct(StringComparer.Ordinal);
            Stderr.WriteLine($"musicdl: {string.Join("; ", messages)} (see 'musicdl --help')");
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
        try
        {
            return await parse.InvokeAsync(config, cancellationToken);
        }
        catch (UsageException ex)
        {
            Stderr.WriteLine($"musicdl: {ex.Message}");
            return (int)ExitCode.Usage;
        }
        catch (Exception ex) when (FailureExitCode.Of(ex) is { } code)
        {
            // Core knows which failures are whose and what each earns; a failure it does not know is a bug and propagates.
            Stderr.WriteLine(code == ExitCode.Interrupted ? "musicdl: interrupted" : $"musicdl: {ex.Message}");
            return (int)code;
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

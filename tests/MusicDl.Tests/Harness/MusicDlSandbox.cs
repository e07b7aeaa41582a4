using System.Diagnostics;

namespace MusicDl.Tests.Harness;

/// <summary>
/// Runs the built <c>musicdl</c> as a child process in a sandbox: its own HOME and XDG folders, no inherited
/// Spotify credentials, endpoint variables pointing wherever the test says (the fakes), a timeout.
/// The binary is the CLI project's own build output (built with the tests, same configuration), run as
/// <c>dotnet musicdl.dll</c> from its folder so that its own dependency manifest applies; or, when
/// <c>MUSICDL_TEST_BINARY</c> names one, a published executable (CI sets it to the native AOT file it ships).
/// With <see cref="InProcess"/> the same invocation runs through <c>CliApp</c> in this process instead, given the very
/// environment the child would get, captured stdout and stderr, and the timeout as its cancellation.
/// </summary>
public sealed class MusicDlSandbox : IDisposable
{
    private static readonly Lazy<string[]> Command = new(FindCommand);

    public MusicDlSandbox()
    {
        Root = Path.Combine(Path.GetTempPath(), "musicdl-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Home);
        Directory.CreateDirectory(ConfigHome);
        Directory.CreateDirectory(CacheHome);
        Directory.CreateDirectory(Library);
        Directory.CreateDirectory(WorkDir);
    }

    public string Root { get; }

    public string Home => Path.Combine(Root, "home");

    public string ConfigHome => Path.Combine(Root, "config");

    public string CacheHome => Path.Combine(Root, "cache");

    public string Library => Path.Combine(Root, "music");

    public string WorkDir => Path.Combine(Root, "work");

    /// <summary>Variables added to (or, with a null value, removed from) the child's environment.</summary>
    public Dictionary<string, string?> Environment { get; } = new(StringComparer.Ordinal);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Run <see cref="RunAsync(string[])"/> through <c>CliApp</c> in this process (no binary started) when the
    /// process itself is not the subject. Paths given to an in-process run must be absolute (the sandbox's are): it
    /// shares this process's working folder. <see cref="Start"/> always starts the binary.
    /// </summary>
    public bool InProcess { get; set; }

    /// <summary>
    /// The clock of an in-process run (<c>CliApp.Time</c>): a <see cref="DrivenClock"/> (FakeWorld's), or the system's
    /// when null. The binary always runs on the system's.
    /// </summary>
    public TimeProvider? Clock { get; set; }

    /// <summary>Start the binary with its stdout closed (<c>&gt;&amp;-</c>), through sh.</summary>
    public bool CloseStdout { get; set; }

    /// <summary>
    /// Start the binary through <c>sh -c SCRIPT sh dotnet musicdl.dll ARGS...</c> (the script ends with
    /// <c>exec "$@" ...</c>): for arguments a .NET string cannot carry, such as bytes that are not UTF-8.
    /// </summary>
    public string? ShellScript { get; set; }

    public string WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public async Task<MusicDlResult> RunAsync(params string[] args) => await RunAsync(args, stdin: null);

    public async Task<MusicDlResult> RunAsync(string[] args, string? stdin, CancellationToken cancellationToken = default)
    {
        if (InProcess && !CloseStdout && ShellScript is null)
        {
            return await RunInProcessAsync(args, stdin, cancellationToken);
        }

        using var process = Start(args, stdin is not null);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"musicdl {string.Join(' ', args)} did not finish within {Timeout}; stderr so far: {await stderr}");
        }

        return new MusicDlResult(process.ExitCode, await stdout, await stderr);
    }

    private async Task<MusicDlResult> RunInProcessAsync(string[] args, string? stdin, CancellationToken cancellationToken)
    {
        // Synchronized: the run's workers write to stdout and stderr from several threads, as they would to Console.
        using var stdoutText = new StringWriter();
        using var stderrText = new StringWriter();
        var stdout = TextWriter.Synchronized(stdoutText);
        var stderr = TextWriter.Synchronized(stderrText);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var app = new MusicDl.Cli.CliApp(stdout, stderr, ChildEnvironment(), stdin is null ? null : new StringReader(stdin))
        {
            // The timeout stops the run as the harness's kill would: running tracks cancelled at once.
            Immediate = timeout.Token,
            Time = Clock ?? TimeProvider.System,
        };
        var code = await Task.Run(() => app.RunAsync(args, timeout.Token), CancellationToken.None);
        if (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"musicdl {string.Join(' ', args)} did not finish within {Timeout}; stderr so far: {stderrText}");
        }

        stdout.Flush();
        stderr.Flush();
        return new MusicDlResult(code, stdoutText.ToString(), stderrText.ToString());
    }

    /// <summary>What the child's environment would be: this process's, less Spotify credentials and MUSICDL_*, plus the sandbox's.</summary>
    private Dictionary<string, string> ChildEnvironment()
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry e in System.Environment.GetEnvironmentVariables())
        {
            environment[(string)e.Key] = (string?)e.Value ?? string.Empty;
        }

        Sandboxed(environment);
        return environment.Where(e => e.Value is not null).ToDictionary(e => e.Key, e => e.Value!, StringComparer.Ordinal);
    }

    /// <summary>The sandbox's changes to an inherited environment (child process or in-process run alike).</summary>
    private void Sandboxed(IDictionary<string, string?> environment)
    {
        foreach (var name in new[] { "SPOTIFY_CLIENT_ID", "SPOTIFY_CLIENT_SECRET", "MUSICDL_CONFIG", "NO_COLOR", "XDG_DATA_HOME", "XDG_STATE_HOME" })
        {
            environment.Remove(name);
        }

        foreach (var name in environment.Keys.Where(k => k.StartsWith("MUSICDL_", StringComparison.Ordinal)).ToList())
        {
            environment.Remove(name);
        }

        environment["HOME"] = Home;
        environment["XDG_CONFIG_HOME"] = ConfigHome;
        environment["XDG_CACHE_HOME"] = CacheHome;
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in Environment)
        {
            if (value is null)
            {
                environment.Remove(name);
            }
            else
            {
                environment[name] = value;
            }
        }
    }

    /// <summary>Starts the binary and returns the running process (for kill and concurrency tests).</summary>
    public Process Start(string[] args, bool redirectStdin = false)
    {
        // Through env(1), which resets an inherited ignored SIGINT, so that a signal test behaves as from a terminal.
        var command = Command.Value;
        var psi = new ProcessStartInfo(InheritedSignals.SigintIgnored ? "env" : command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectStdin,
            UseShellExecute = false,
            WorkingDirectory = WorkDir,
        };
        if (InheritedSignals.SigintIgnored)
        {
            psi.ArgumentList.Add("--default-signal=INT");
            psi.ArgumentList.Add(command[0]);
        }

        if (CloseStdout || ShellScript is not null)
        {
            var program = psi.FileName;
            psi.FileName = "sh";
            psi.ArgumentList.Insert(0, program);
            psi.ArgumentList.Insert(0, "sh");
            psi.ArgumentList.Insert(0, ShellScript ?? "exec \"$@\" >&-");
            psi.ArgumentList.Insert(0, "-c");
        }

        foreach (var arg in command.Skip(1).Concat(args))
        {
            psi.ArgumentList.Add(arg);
        }

        Sandboxed(psi.Environment);
        return Process.Start(psi) ?? throw new InvalidOperationException("could not start " + command[0]);
    }

    /// <summary>
    /// The program and its first arguments: <c>MUSICDL_TEST_BINARY</c> when set (a published executable), else
    /// <c>dotnet</c> and src/MusicDl.Cli/bin/&lt;configuration&gt;/net10.0/musicdl.dll, found from this test assembly's folder.
    /// </summary>
    internal static string[] FindCommand()
    {
        if (System.Environment.GetEnvironmentVariable("MUSICDL_TEST_BINARY") is { Length: > 0 } published)
        {
            return File.Exists(published) ? [Path.GetFullPath(published)] : throw new FileNotFoundException($"MUSICDL_TEST_BINARY names no file: {published}");
        }

        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testBin.Name;
        var configuration = testBin.Parent!.Name;
        for (var dir = testBin; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MusicDl.sln")))
            {
                var path = Path.Combine(dir.FullName, "src", "MusicDl.Cli", "bin", configuration, framework, "musicdl.dll");
                return File.Exists(path) ? ["dotnet", path] : throw new FileNotFoundException($"the CLI build output is missing: {path}");
            }
        }

        throw new DirectoryNotFoundException("MusicDl.sln not found above " + testBin.FullName);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A child that was killed may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

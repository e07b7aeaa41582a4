namespace MusicDl.Cli;

/// <summary>Gathers source arguments from the command line and <c>--from-file</c> (one a line, # comments, - for stdin).</summary>
internal static class SourceArguments
{
    public static async Task<IReadOnlyList<string>> CollectAsync(CliApp app, IEnumerable<string> arguments, string? fromFile, CancellationToken cancellationToken)
    {
        var all = new List<string>();
        foreach (var argument in arguments)
        {
            // The sources argument takes any token; an option the command does not know lands here.
            if (argument.StartsWith('-') && argument.Length > 1)
            {
                throw new UsageException($"unknown option '{argument}' (see 'musicdl --help')");
            }

            all.Add(argument);
        }

        if (fromFile is null)
        {
            return all;
        }

        string text;
        if (fromFile == "-")
        {
            // A producer that stalls must not hold the run past a signal: the console reader blocks its caller whatever
            // token it is given, so the read runs on its own and the wait for it ends on the token.
            var stdin = app.Stdin;
            text = await Task.Run(stdin.ReadToEnd, CancellationToken.None).WaitAsync(cancellationToken);
        }
        else
        {
            if (Directory.Exists(fromFile))
            {
                throw new UsageException($"--from-file '{fromFile}' is a folder; name a file with one URL a line.");
            }

            if (Output.NamedFile.ReadProblem(fromFile) is { } problem)
            {
                // A FIFO or device would block or never end the read: only regular files (or - for stdin).
                throw new UsageException($"--from-file '{fromFile}' {problem}; name a file with one URL a line, or - for stdin.");
            }

            try
            {
                text = await File.ReadAllTextAsync(fromFile, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new UsageException($"--from-file '{fromFile}': {ex.Message}");
            }
        }

        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            all.Add(line);
        }

        return all;
    }
}

using System.CommandLine;
using MusicDl.Downloading;
using MusicDl.Models;
using MusicDl.Runs;

namespace MusicDl.Cli.Commands;

/// <summary><c>musicdl match &lt;url&gt;...</c>: which YouTube video each track matches; downloads nothing.</summary>
internal static class MatchCommand
{
    public static Command Create(CliApp app)
    {
        var sources = new Argument<string[]>("sources")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Spotify URLs or URIs, or 'saved'.",
        };
        var command = new Command("match", "Show which YouTube video each track matches, with its score; downloads nothing.");
        command.Arguments.Add(sources);
        command.Options.Add(app.Options.Json);
        command.Options.Add(app.Options.Threshold);
        command.Options.Add(app.Options.Providers);
        command.Options.Add(app.Options.NoCache);
        command.Options.Add(app.Options.CacheFile);
        command.Options.Add(app.Options.Market);
        command.Options.Add(app.Options.SpotifyAccess);
        command.Options.Add(app.Options.Overrides);
        command.Options.Add(app.Options.Review);
        command.Options.Add(app.Options.Explain);
        command.Options.Add(app.Options.RequestTimeout);
        command.SetAction((parse, ct) => ExecuteAsync(app, parse, sources, ct));
        return command;
    }

    private static async Task<int> ExecuteAsync(CliApp app, ParseResult parse, Argument<string[]> sourcesArgument, CancellationToken cancellationToken)
    {
        using var invocation = Invocation.Create(app, parse, positionalConfig: null);
        var arguments = await SourceArguments.CollectAsync(app, parse.GetValue(sourcesArgument) ?? [], null, cancellationToken);
        var sources = arguments.Select(SpotifyUrlParser.Parse).ToArray();
        var settings = await invocation.LoadSettingsAsync(cancellationToken);
        var request = new RunRequest(sources, settings, RunMode.Match)
        {
            ReviewFile = parse.GetValue(app.Options.Review),
            Explain = parse.GetValue(app.Options.Explain),
        };
        return await ReportedRun.ExecuteAsync(invocation, request, parse.GetValue(app.Options.Json), cancellationToken);
    }
}

using System.CommandLine;
using MusicDl.Downloading;
using MusicDl.Models;
using MusicDl.Runs;

namespace MusicDl.Cli.Commands;

/// <summary><c>musicdl download &lt;url|saved&gt;...</c>: only what the arguments name.</summary>
internal static class DownloadCommand
{
    public static Command Create(CliApp app)
    {
        var sources = new Argument<string[]>("sources")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Spotify URLs or URIs (track, album, playlist, artist), or 'saved' for Liked Songs.",
        };
        var command = new Command("download", "Download tracks, albums, playlists, artists or Liked Songs.");
        command.Arguments.Add(sources);
        foreach (var option in app.Options.DownloadOptions)
        {
            command.Options.Add(option);
        }

        command.Options.Add(app.Options.Review);
        command.SetAction((parse, ct) => ExecuteAsync(app, parse, sources, ct));
        return command;
    }

    private static async Task<int> ExecuteAsync(CliApp app, ParseResult parse, Argument<string[]> sourcesArgument, CancellationToken cancellationToken)
    {
        using var invocation = Invocation.Create(app, parse, positionalConfig: null);
        var arguments = await SourceArguments.CollectAsync(app, parse.GetValue(sourcesArgument) ?? [], parse.GetValue(app.Options.FromFile), cancellationToken);
        if (arguments.Count == 0)
        {
            throw new UsageException("download needs at least one Spotify URL, 'saved', or --from-file FILE.");
        }

        // Every argument must be a Spotify source; the first that is not stops the run before any network call.
        var sources = arguments.Select(SpotifyUrlParser.Parse).ToArray();
        var wait = SettingsBinder.ParseWait(parse, app.Options) ?? TimeSpan.Zero;
        var settings = await invocation.LoadSettingsAsync(cancellationToken);
        Profiling.Phases.Mark("settings");
        var mode = parse.GetValue(app.Options.DryRun) ? RunMode.DryRun : RunMode.Download;
        var request = new RunRequest(sources, settings, mode) { LockWait = wait, ReviewFile = parse.GetValue(app.Options.Review) };
        return await ReportedRun.ExecuteAsync(invocation, request, parse.GetValue(app.Options.Json), cancellationToken);
    }
}

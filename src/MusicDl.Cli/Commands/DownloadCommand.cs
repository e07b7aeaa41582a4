using System.CommandLine;

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

        command.SetAction(async (parse, ct) =>
        {
            var context = CommandContext.Create(app, parse, positionalConfig: null);
            var arguments = await SourceArguments.CollectAsync(app, parse.GetValue(sources) ?? [], parse.GetValue(app.Options.FromFile), ct);
            if (arguments.Count == 0)
            {
                throw new UsageException("download needs at least one Spotify URL, 'saved', or --from-file FILE.");
            }

            return await context.RunDownloadAsync(arguments, isSync: false, ct);
        });
        return command;
    }
}

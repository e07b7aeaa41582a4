using System.CommandLine;

namespace MusicDl.Cli.Commands;

/// <summary><c>musicdl sync [CONFIG]</c>: every source in the config's lists.</summary>
internal static class SyncCommand
{
    public static Command Create(CliApp app)
    {
        var config = new Argument<FileInfo?>("CONFIG")
        {
            Arity = ArgumentArity.ZeroOrOne,
            Description = "The config file (same as --config).",
        };
        var command = new Command("sync", "Download every source in the config's songs, albums, playlists and artists; --prune removes what left them.");
        command.Arguments.Add(config);
        foreach (var option in app.Options.DownloadOptions)
        {
            command.Options.Add(option);
        }

        command.Options.Add(app.Options.Prune);
        command.SetAction(async (parse, ct) =>
        {
            var context = CommandContext.Create(app, parse, parse.GetValue(config));
            return await context.RunDownloadAsync([], isSync: true, ct);
        });
        return command;
    }
}

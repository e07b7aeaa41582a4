using System.CommandLine;
using MusicDl.Downloading;
using MusicDl.Runs;

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

        var prune = new Option<bool>("--prune") { Description = "Delete files of tracks that left a playlist or album in the config since the last sync." };
        command.Options.Add(prune);
        command.SetAction((parse, ct) => ExecuteAsync(app, parse, parse.GetValue(config), parse.GetValue(prune), ct));
        return command;
    }

    private static async Task<int> ExecuteAsync(CliApp app, ParseResult parse, FileInfo? config, bool prune, CancellationToken cancellationToken)
    {
        using var invocation = Invocation.Create(app, parse, config);
        var wait = SettingsBinder.ParseWait(parse, app.Options) ?? TimeSpan.Zero;
        var settings = await invocation.LoadSettingsAsync(cancellationToken);
        var loaded = invocation.Config;
        if (loaded?.Path is null)
        {
            throw new UsageException("sync found no config file (give one, set MUSICDL_CONFIG, or create $XDG_CONFIG_HOME/musicdl/config.yaml).");
        }

        if (loaded.Sources.Count == 0)
        {
            throw new UsageException($"{loaded.Path} lists no songs, albums, playlists or artists to sync.");
        }

        var mode = parse.GetValue(app.Options.DryRun) ? RunMode.DryRun : RunMode.Download;
        var request = new RunRequest(loaded.Sources.Select(s => s.Source).ToArray(), settings, mode)
        {
            LockWait = wait,
            Prune = prune,
        };
        return await ReportedRun.ExecuteAsync(invocation, request, parse.GetValue(app.Options.Json), cancellationToken);
    }
}

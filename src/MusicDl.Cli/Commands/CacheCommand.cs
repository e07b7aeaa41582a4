using System.CommandLine;

namespace MusicDl.Cli.Commands;

/// <summary><c>musicdl cache stats|clear|prune</c>: the persistent cache.</summary>
internal static class CacheCommand
{
    public static Command Create(CliApp app)
    {
        var command = new Command("cache", "Inspect or manage the persistent cache.");

        var stats = new Command("stats", "Entries per region, bytes on disk, oldest and newest entry.");
        stats.Options.Add(app.Options.Json);
        stats.Options.Add(app.Options.CacheFile);
        stats.SetAction((parse, ct) => CommandContext.Create(app, parse, null).CacheStatsAsync(parse.GetValue(app.Options.Json), ct));

        var clear = new Command("clear", "Delete cached entries (all, or one region).");
        clear.Options.Add(app.Options.Region);
        clear.Options.Add(app.Options.CacheFile);
        clear.SetAction((parse, ct) => CommandContext.Create(app, parse, null).CacheClearAsync(parse.GetValue(app.Options.Region), ct));

        var prune = new Command("prune", "Drop expired entries and compact the file.");
        prune.Options.Add(app.Options.CacheFile);
        prune.SetAction((parse, ct) => CommandContext.Create(app, parse, null).CachePruneAsync(ct));

        command.Subcommands.Add(stats);
        command.Subcommands.Add(clear);
        command.Subcommands.Add(prune);
        return command;
    }
}

using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using MusicDl.Caching;
using MusicDl.Output;

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
        stats.SetAction((parse, ct) => StatsAsync(app, parse, ct));

        var clear = new Command("clear", "Delete cached entries (all, or one region).");
        var region = new Option<string?>("--region") { Description = "Only this cache region.", HelpName = "R" };
        clear.Options.Add(region);
        clear.Options.Add(app.Options.CacheFile);
        clear.SetAction((parse, ct) => ClearAsync(app, parse, parse.GetValue(region), ct));

        var prune = new Command("prune", "Drop expired entries and compact the file.");
        prune.Options.Add(app.Options.CacheFile);
        prune.SetAction((parse, ct) => PruneAsync(app, parse, ct));

        command.Subcommands.Add(stats);
        command.Subcommands.Add(clear);
        command.Subcommands.Add(prune);
        return command;
    }

    private static async Task<int> StatsAsync(CliApp app, ParseResult parse, CancellationToken cancellationToken)
    {
        using var invocation = Invocation.Create(app, parse, positionalConfig: null);
        var stats = (await OpenAsync(invocation, cancellationToken)).Stats();
        if (parse.GetValue(app.Options.Json))
        {
            invocation.Stdout.WriteLine(OutputJson.CacheStats(stats));
            return (int)ExitCode.Ok;
        }

        invocation.Stdout.WriteLine($"{stats.Path}: {(stats.Exists ? $"{stats.BytesOnDisk:N0} bytes, {stats.Entries} entries" : "no cache file yet")}");
        foreach (var r in stats.Regions)
        {
            invocation.Stdout.WriteLine($"{r.Region,-15}{r.Entries,9} entries   oldest {Format(r.Oldest)}   newest {Format(r.Newest)}");
        }

        return (int)ExitCode.Ok;

        static string Format(DateTimeOffset? t) => t?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-";
    }

    private static async Task<int> ClearAsync(CliApp app, ParseResult parse, string? region, CancellationToken cancellationToken)
    {
        using var invocation = Invocation.Create(app, parse, positionalConfig: null);
        if (region is not null && !CacheRegions.All.Contains(region))
        {
            throw new UsageException($"--region '{region}' is not one of {string.Join(", ", CacheRegions.All)}.");
        }

        var admin = await OpenAsync(invocation, cancellationToken);
        var removed = admin.Clear(region);
        invocation.Stdout.WriteLine($"removed {removed} entries{(region is null ? string.Empty : $" from {region}")} ({admin.FilePath})");
        return (int)ExitCode.Ok;
    }

    private static async Task<int> PruneAsync(CliApp app, ParseResult parse, CancellationToken cancellationToken)
    {
        using var invocation = Invocation.Create(app, parse, positionalConfig: null);
        var admin = await OpenAsync(invocation, cancellationToken);
        var removed = admin.Prune();
        invocation.Stdout.WriteLine($"removed {removed} expired entries and compacted {admin.FilePath}");
        return (int)ExitCode.Ok;
    }

    private static async Task<CacheAdmin> OpenAsync(Invocation invocation, CancellationToken cancellationToken)
    {
        var settings = invocation.WithDefaultCacheFile(await invocation.LoadSettingsAsync(cancellationToken));
        return new CacheAdmin(settings.CacheFile!, invocation.App.Time, invocation.Logging.CreateLogger("cache"));
    }
}

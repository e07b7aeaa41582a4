using System.CommandLine;
using MusicDl.Configuration;
using MusicDl.Output;

namespace MusicDl.Cli.Commands;

/// <summary><c>musicdl config check [CONFIG]</c>: validate and print the effective settings, secrets masked.</summary>
internal static class ConfigCommand
{
    public static Command Create(CliApp app)
    {
        var command = new Command("config", "Work with the configuration file.");
        var config = new Argument<FileInfo?>("CONFIG") { Arity = ArgumentArity.ZeroOrOne, Description = "The config file (same as --config)." };
        var check = new Command("check", "Validate the configuration and print the effective settings, secrets masked.");
        check.Arguments.Add(config);
        check.SetAction((parse, ct) => CheckAsync(app, parse, parse.GetValue(config), ct));
        command.Subcommands.Add(check);
        return command;
    }

    private static async Task<int> CheckAsync(CliApp app, ParseResult parse, FileInfo? config, CancellationToken cancellationToken)
    {
        using var invocation = Invocation.Create(app, parse, config);
        var settings = await invocation.LoadSettingsAsync(cancellationToken);
        invocation.Stdout.Write(ConfigRenderer.Render(invocation.Config!, settings));
        invocation.Stdout.Flush();
        return (int)ExitCode.Ok;
    }
}
